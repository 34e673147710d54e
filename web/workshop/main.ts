// The workshop page: a team's, the facilitator's or the projector's screen, served by the
// workshop server (npm run workshop).
import './dds-workshop.ts';
