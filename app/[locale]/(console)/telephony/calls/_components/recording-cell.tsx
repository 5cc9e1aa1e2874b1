"use client";
import { DownloadIcon, Trash2Icon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import type { CallRowView } from "@/lib/telephony/calls/page-data";
import { deleteRecordingAction } from "../_lib/actions";

/**
 * Play (streamed and seekable through the Range-serving route; nothing loads until play),
 * download for administrators, delete within the modify scope — each only where allowed.
 */
export function RecordingCell({ call, canDownload }: { call: CallRowView; canDownload: boolean }) {
  const t = useTranslations("Calls");
  const format = useFormatter();
  const [confirming, setConfirming] = useState(false);
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
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label={t("deleteRecording")}
          data-testid="delete-recording"
          onClick={() => setConfirming(true)}
        >
          <Trash2Icon />
        </Button>
      )}
      {confirming && <ConfirmDelete callId={call.id} time={time} onClose={() => setConfirming(false)} />}
    </div>
  );
}

function ConfirmDelete({ callId, time, onClose }: { callId: number; time: string; onClose: () => void }) {
  const t = useTranslations("Calls");
  const common = useTranslations("Common");
  const errors = useTranslations("ActionErrors");
  const [pending, startTransition] = useTransition();
  const remove = () =>
    startTransition(async () => {
      const result = await deleteRecordingAction({ callId });
      if (!result.ok) {
        toast.error(errors(result.error.code));
        return;
      }
      toast.success(t("recordingDeleted"));
      onClose();
    });
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent closeLabel={common("close")}>
        <DialogHeader>
          <DialogTitle>{t("deleteTitle")}</DialogTitle>
        </DialogHeader>
        <DialogDescription>{t("deleteText", { time })}</DialogDescription>
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>
            {common("cancel")}
          </Button>
          <Button variant="destructive" disabled={pending} onClick={remove} data-testid="confirm-delete-recording">
            {t("deleteRecording")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
