// Every story of <famille-documents>, rendered, played and checked by axe-core (see describeStories).
import * as stories from '../../../stories/documents.stories.ts';
import { describeStories } from '../stories.ts';

describeStories('famille-documents', stories);
