// Every story of <famille-portal>, rendered, played and checked by axe-core (see describeStories).
import * as stories from '../../../stories/portal.stories.ts';
import { describeStories } from '../stories.ts';

describeStories('famille-portal', stories);
