// Every story of <famille-login>, rendered, played and checked by axe-core (see describeStories).
import * as stories from '../../../stories/login.stories.ts';
import { describeStories } from '../stories.ts';

describeStories('famille-login', stories);
