// A challenge's own fields, shared by the board's "new challenge" form and the challenge page
// (edit it): the input rules and the fields. Client-safe, like edition-form.tsx.
import { getInputProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { CheckboxField } from "~/components/ui/checkbox";
import { controlClass, FieldShell, TextField } from "~/components/ui/field";
import { TextareaField } from "~/components/ui/textarea";

export { ChallengeFields } from "~/modules/challenges/challenge.schema";

export type ChallengeFormShape = { intent: string; name: string; description: string; national: string; image: File };

type Fields = { [K in "name" | "description" | "national" | "image"]: FieldMetadata<ChallengeFormShape[K]> };

export function ChallengeFormFields({ fields, image, currentImageId }: { fields: Fields; image: { accept: string; allowed: string; max: string }; currentImageId?: string | null }) {
  const { t } = useTranslation("challenges");
  return (
    <>
      <TextField label={t("fields.name")} {...getInputProps(fields.name, { type: "text" })} key={fields.name.key} errors={fields.name.errors} />
      <TextareaField label={t("fields.description")} rows={5} {...getTextareaProps(fields.description)} key={fields.description.key} errors={fields.description.errors} />
      <CheckboxField
        label={t("fields.national")}
        hint={t("fields.nationalHint")}
        {...getInputProps(fields.national, { type: "checkbox" })}
        key={fields.national.key}
        errors={fields.national.errors}
      />
      {currentImageId ? <img src={`/files/${currentImageId}`} alt={t("fields.currentImage")} className="h-32 w-auto rounded-lg object-cover" /> : null}
      <FieldShell label={t("fields.image")} hint={t("fields.imageHint", { allowed: image.allowed, max: image.max })} errors={fields.image.errors} optional>
        {(control, ids) => <input type="file" name="image" accept={image.accept} {...control} className={controlClass(ids.invalid)} />}
      </FieldShell>
    </>
  );
}
