"use client";
import { DownloadIcon, Trash2Icon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { CallRowView } from "@/lib/telephony/calls/page-data";
import { deleteRecordingAction } from "../_lib/actions";

/**
 * Play (streamed and seekable through the Range-serving route; nothing loads until play),
 * download for administrators, delete within the modify scope — each only where allowed.
 */
export function RecordingCell({ call, canDownload }: { call: CallRowView; canDownload: boolean }) {
  const t = useTranslations("Calls");
  const format = useFormatter();
  if (!call.canListen && !call.canDelete) return null;
  const time = format.dateTime(new Date(call.startedAt), { dateStyle: "short", timeStyle: "short" });
  const src = `/api/telephony/recordings/${call.id}`;
  return (
    <div className="flex items-center gap-1" data-testid="recording">
      {call.canListen && (
        // biome-ignore lint/a11y/useMediaCaption: call recordings have no captions to offer
        <audio controls preload="none" src={src} className="h-8 w-56 max-w-full" aria-label={t("play", { time })} />
      )}
      {canDownload && call.canListen && (
        <Button asChild variant="ghost" size="icon-sm" aria-label={t("download")}>
          <a href={`${src}?download=1`} download data-testid="download-recording">
            <DownloadIcon />
          </a>
        </Button>
      )}
      {call.canDelete && (
        <ConfirmDialog
          trigger={
            <Button variant="ghost" size="icon-sm" aria-label={t("deleteRecording")} data-testid="delete-recording">
              <Trash2Icon />
            </Button>
          }
          title={t("deleteTitle")}
          description={t("deleteText", { time })}
          confirmLabel={t("deleteRecording")}
          confirmTestId="confirm-delete-recording"
          run={() => deleteRecordingAction({ callId: call.id })}
          onDone={() => toast.success(t("recordingDeleted"))}
        />
      )}
    </div>
  );
}
