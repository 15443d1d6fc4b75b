// Every story of <famille-tariff-simulator>, rendered, played and checked by axe-core (see describeStories).
import * as stories from '../../../stories/tariff-simulator.stories.ts';
import { describeStories } from '../stories.ts';

describeStories('famille-tariff-simulator', stories);
