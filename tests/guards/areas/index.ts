// The capability areas the guards know about, each in its own file (see types.ts).
import { challengesArea } from "./challenges";
import { companiesArea } from "./companies";
import { filesArea } from "./files";
import { invoicesArea } from "./invoices";
import { judgingArea } from "./judging";
import { judgingResultsArea } from "./judging-results";
import { judgingAssignArea } from "./judging-assign";
import { judgingJuryArea } from "./judging-jury";
import { networkArea } from "./network";
import { raceArea } from "./race";
import { tasksArea } from "./tasks";
import { submissionsArea } from "./submissions";
import type { GuardArea } from "./types";
import { teamsArea } from "./teams";

export const AREAS: GuardArea[] = [companiesArea, invoicesArea, networkArea, tasksArea, challengesArea, submissionsArea, teamsArea, filesArea, judgingArea, judgingJuryArea, judgingAssignArea, judgingResultsArea, raceArea];
