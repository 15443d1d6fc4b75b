// Every story of <famille-create-account>, rendered, played and checked by axe-core (see describeStories).
import * as stories from '../../../stories/create-account.stories.ts';
import { describeStories } from '../stories.ts';

describeStories('famille-create-account', stories);
