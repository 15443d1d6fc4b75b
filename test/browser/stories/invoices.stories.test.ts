// Every story of <famille-invoices>, rendered, played and checked by axe-core (see describeStories).
import * as stories from '../../../stories/invoices.stories.ts';
import { describeStories } from '../stories.ts';

describeStories('famille-invoices', stories);
