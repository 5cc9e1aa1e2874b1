"use client";
import { useTranslations } from "next-intl";
import { deleteConnectionAction, deleteNumberAction } from "../_lib/actions";
import { ConnectionDialog, type ConnectionView } from "./connection-dialog";
import { DeleteDialog } from "./delete-dialog";
import { type ConnectionChoice, NumberDialog } from "./number-dialog";

export function NumberRowActions({
  number,
  connections,
}: {
  number: { id: number; number: string; label: string | null; connectionId: number | null };
  connections: ConnectionChoice[];
}) {
  const t = useTranslations("TelephonyPages");
  return (
    <div className="flex justify-end gap-1">
      <NumberDialog existing={number} connections={connections} />
      <DeleteDialog
        label={t("deleteNumberOf", { number: number.number })}
        question={t("deleteNumberConfirm", { number: number.number })}
        run={() => deleteNumberAction({ id: number.id })}
        explain={(error) =>
          t("numberInUse", {
            users: Number(error.details?.users ?? 0),
            isDefault: error.details?.companyDefault === "true" ? "true" : "false",
          })
        }
        testId="delete-number"
      />
    </div>
  );
}

export function ConnectionRowActions({ connection }: { connection: ConnectionView }) {
  const t = useTranslations("TelephonyPages");
  return (
    <div className="flex justify-end gap-1">
      <ConnectionDialog existing={connection} />
      <DeleteDialog
        label={t("deleteConnectionOf", { name: connection.name })}
        question={t("deleteConnectionConfirm", { name: connection.name })}
        run={() => deleteConnectionAction({ id: connection.id })}
        explain={(error) => t("connectionInUse", { count: Number(error.details?.numbers ?? 0) })}
        testId="delete-connection"
      />
    </div>
  );
}
