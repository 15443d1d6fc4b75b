// Every story of <famille-dashboard>, rendered, played and checked by axe-core (see describeStories).
import * as stories from '../../../stories/dashboard.stories.ts';
import { describeStories } from '../stories.ts';

describeStories('famille-dashboard', stories);
