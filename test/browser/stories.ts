// Renders Storybook CSF3 stories without Storybook: loaders, render, then play.
import { render, type TemplateResult } from 'lit';

type Loader = (context: StoryContext) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void;
interface StoryContext {
  args: Record<string, unknown>;
  loaded: Record<string, unknown>;
  canvasElement: HTMLElement;
}
interface StoryLike {
  args?: Record<string, unknown>;
  loaders?: Loader | Loader[];
  render?: (args: never, context: never) => unknown;
  play?: (context: never) => Promise<void> | void;
}
export type StoriesModule = { default: object } & Record<string, unknown>;

/** The module's stories, by export name (CSF: every export but `default`). */
export function storiesOf(module: StoriesModule): [string, StoryLike][] {
  return Object.entries(module).filter(([name]) => name !== 'default') as [string, StoryLike][];
}

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Renders one story into a fresh container in the page and runs its play function. */
export async function runStory(module: StoriesModule, storyObject: object): Promise<HTMLElement> {
  const story = storyObject as StoryLike;
  document.body.replaceChildren();
  const canvasElement = document.createElement('div');
  canvasElement.id = 'storybook-root';
  document.body.append(canvasElement);
  const meta = module.default as StoryLike;
  const context: StoryContext = { args: { ...meta.args, ...story.args }, loaded: {}, canvasElement };
  for (const loader of [...list(meta.loaders), ...list(story.loaders)]) Object.assign(context.loaded, await loader(context));
  const template = (story.render ?? meta.render)!(context.args as never, context as never) as TemplateResult;
  render(template, canvasElement);
  await story.play?.(context as never);
  return canvasElement;
}
