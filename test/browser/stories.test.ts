// Every story of every element, rendered and played as in Storybook, then
// checked by axe-core against WCAG 2.1 A and AA.
import * as loginStories from '../../stories/login.stories.ts';
import * as portalStories from '../../stories/portal.stories.ts';
import * as createAccountStories from '../../stories/create-account.stories.ts';
import * as entourageStories from '../../stories/entourage.stories.ts';
import * as preregistrationStories from '../../stories/preregistration.stories.ts';
import * as invoicesStories from '../../stories/invoices.stories.ts';
import { runStory, storiesOf, type StoriesModule } from './stories.ts';
import { expectNoAxeViolations } from './support/axe.ts';

for (const [title, module] of [
  ['famille-login', loginStories],
  ['famille-portal', portalStories],
  ['famille-create-account', createAccountStories],
  ['famille-entourage', entourageStories],
  ['famille-preregistration', preregistrationStories],
  ['famille-invoices', invoicesStories],
] as [string, StoriesModule][]) {
  describe(`${title} stories`, () => {
    for (const [name, story] of storiesOf(module)) {
      it(`${name}: reaches its state and has no axe violation`, async () => {
        const canvas = await runStory(module, story);
        await expectNoAxeViolations(canvas, name);
      });
    }
  });
}
