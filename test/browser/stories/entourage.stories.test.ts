// Every story of <famille-entourage>, rendered, played and checked by axe-core (see describeStories).
import * as stories from '../../../stories/entourage.stories.ts';
import { describeStories } from '../stories.ts';

describeStories('famille-entourage', stories);
