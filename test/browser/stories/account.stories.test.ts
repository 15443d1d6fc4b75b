// Every story of <famille-account>, rendered, played and checked by axe-core (see describeStories).
import * as stories from '../../../stories/account.stories.ts';
import { describeStories } from '../stories.ts';

describeStories('famille-account', stories);
