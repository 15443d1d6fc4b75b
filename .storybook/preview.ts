import { createElement as h, Fragment } from 'react';
import { Controls, Markdown, Primary, Stories, Title, useOf } from '@storybook/addon-docs/blocks';
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { startMockServer } from '@famille/mock-server';
// Written by `cem analyze` (custom-elements-manifest.config.mjs) before Storybook builds.
import manifest from '../packages/elements/custom-elements.json';

interface Declaration {
  tagName?: string;
  summary?: string;
  description?: string;
}

// Attributes, properties, events (with their detail types), slots, parts and CSS custom
// properties of each element's docs page come from the manifest.
setCustomElementsManifest(manifest);

const declarations: Declaration[] = manifest.modules.flatMap((m: { declarations?: Declaration[] }) => m.declarations ?? []);

/**
 * The docs page of an element: its summary and description from the manifest (the class
 * JSDoc), the first story with the API tables (attributes, properties, events, slots,
 * parts, CSS custom properties), then what the stories file says of its stories and every
 * story. (Storybook's default page would show the stories file's comment instead of the
 * element's description.)
 */
function ElementDescription() {
  const { preparedMeta } = useOf('meta', ['meta']);
  const declaration = declarations.find((d) => d.tagName === preparedMeta.component);
  const text = [declaration?.summary, declaration?.description].filter(Boolean).join('\n\n');
  return text ? h(Markdown, null, text) : null;
}

function StoriesNote() {
  const { preparedMeta } = useOf('meta', ['meta']);
  const note = preparedMeta.parameters.docs?.description?.component;
  return typeof note === 'string' ? h(Markdown, null, note) : null;
}

const ElementPage = () => h(Fragment, null, h(Title), h(ElementDescription), h(Primary), h(Controls), h(StoriesNote), h(Stories));

const preview: Preview = {
  // The reference server runs in the page: a little latency makes pending states visible.
  loaders: [async () => void (await startMockServer({ latencyMs: 250 }))],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    docs: {
      page: ElementPage,
      // Each story in a frame of its own (loaded when scrolled to): every story's loader
      // resets the in-page reference server, which stories rendered side by side share.
      story: { inline: false, height: '36rem' },
    },
  },
};
export default preview;
