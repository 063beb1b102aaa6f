// The input rules of a challenge's own fields (new challenge, edit it), client-safe.
import { z } from "zod";
import { flag, text } from "./input";

export const ChallengeFields = {
  name: text(120, "challenges:errors.nameRequired"),
  description: text(4000, "challenges:errors.descriptionRequired"),
  national: flag,
  // An empty file input posts a nameless, empty file: no new image.
  image: z.preprocess((v) => (v instanceof File && v.size === 0 && !v.name ? undefined : v), z.instanceof(File, { message: "challenges:errors.image" }).optional()),
};
