// Renders Storybook CSF3 stories without Storybook: loaders, render, then play.
import { render, type TemplateResult } from 'lit';
import { expectNoAxeViolations } from './support/axe.ts';

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

/**
 * Every story of one element (one `*.stories.ts` module), each a test of its own:
 * rendered and played as in Storybook, then checked by axe-core against WCAG 2.1 A and
 * AA. One test file per element (test/browser/stories/), so that each has its own time
 * budget and a failure names its element.
 */
export function describeStories(element: string, module: { default: object }): void {
  const stories = module as StoriesModule;
  describe(`${element} stories`, () => {
    for (const [name, story] of storiesOf(stories)) {
      it(`${name}: reaches its state and has no axe violation`, async () => {
        const canvas = await runStory(stories, story);
        await expectNoAxeViolations(canvas, `${element} ${name}`);
      });
    }
  });
}
