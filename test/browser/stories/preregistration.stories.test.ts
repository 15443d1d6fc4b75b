// Every story of <famille-preregistration>, rendered, played and checked by axe-core (see describeStories).
import * as stories from '../../../stories/preregistration.stories.ts';
import { describeStories } from '../stories.ts';

describeStories('famille-preregistration', stories);
