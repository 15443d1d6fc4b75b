import type { Preview } from '@storybook/web-components-vite';
import { startMockServer } from '@famille/mock-server';

const preview: Preview = {
  // The reference server runs in the page: a little latency makes pending states visible.
  loaders: [async () => void (await startMockServer({ latencyMs: 250 }))],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};
export default preview;
