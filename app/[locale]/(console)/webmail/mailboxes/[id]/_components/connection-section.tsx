"use client";
import { useZodForm } from "@/components/ui/use-zod-form";
import { updateConnectionInput } from "@/lib/mailboxes/schemas";
import { ServerFields } from "../../../_components/server-fields";
import { updateConnectionAction } from "../../../_lib/mailbox-actions";
import { SaveBar } from "./save-bar";
import { useSectionSave } from "./use-section-save";

export function ConnectionSection({ initial }: { initial: Record<string, unknown> }) {
  const form = useZodForm(updateConnectionInput, initial);
  const { pending, error, save } = useSectionSave();
  return (
    <form
      className="flex flex-col gap-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const input = form.validate();
        if (input) save(() => updateConnectionAction(input), form.showServerErrors);
      }}
    >
      <ServerFields values={form.values} set={form.set} errorOf={form.errorOf} credentials keepPasswordHint />
      <SaveBar pending={pending} error={error} testId="save-connection" />
    </form>
  );
}
