"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { describedBy, Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { PROVIDERS, providerOf } from "@/lib/mail/providers";

type Values = Record<string, unknown>;
type Setter = (patch: Values) => void;

const DEFAULT_PORTS: Record<string, Record<string, number>> = {
  imap: { SSL: 993, STARTTLS: 143, NONE: 143 },
  smtp: { SSL: 465, STARTTLS: 587, NONE: 25 },
};

const text = (value: unknown) => (value === undefined || value === null ? "" : String(value));

/** Fills in the servers of a known provider (SPEC §3.1); "custom" leaves them to the user. */
export function ProviderSelect({ set }: { set: Setter }) {
  const t = useTranslations("Connect");
  return (
    <Field id="provider" label={t("provider")}>
      <NativeSelect
        id="provider"
        defaultValue="custom"
        onChange={(event) => {
          const preset = providerOf(event.target.value);
          if (!preset) return;
          set({
            imapHost: preset.imap.host,
            imapPort: preset.imap.port,
            imapSecurity: preset.imap.security,
            smtpEnabled: true,
            smtpHost: preset.smtp.host,
            smtpPort: preset.smtp.port,
            smtpSecurity: preset.smtp.security,
          });
        }}
      >
        <option value="custom">{t("customProvider")}</option>
        {PROVIDERS.map((provider) => (
          <option key={provider.id} value={provider.id}>
            {provider.label}
          </option>
        ))}
      </NativeSelect>
    </Field>
  );
}

function Endpoint({
  kind,
  values,
  set,
  errorOf,
}: {
  kind: "imap" | "smtp";
  values: Values;
  set: Setter;
  errorOf: (field: string) => string | undefined;
}) {
  const t = useTranslations("Connect");
  const host = `${kind}Host`;
  const port = `${kind}Port`;
  const security = `${kind}Security`;
  return (
    <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_7rem_9rem]">
      <Field id={host} label={t(`${kind}Host`)} error={errorOf(host)}>
        <Input
          {...describedBy(host, errorOf(host))}
          value={text(values[host])}
          onChange={(event) => set({ [host]: event.target.value })}
          dir="ltr"
          autoComplete="off"
        />
      </Field>
      <Field id={port} label={t("port")} error={errorOf(port)}>
        <Input
          {...describedBy(port, errorOf(port))}
          inputMode="numeric"
          value={text(values[port])}
          onChange={(event) => set({ [port]: event.target.value.replace(/\D/g, "") })}
          dir="ltr"
        />
      </Field>
      <Field id={security} label={t("security")}>
        <NativeSelect
          id={security}
          value={text(values[security]) || "SSL"}
          onChange={(event) => {
            const previous = text(values[security]) || "SSL";
            const next = event.target.value;
            // Keep a custom port; move a default one along with the security setting.
            const portPatch =
              Number(values[port]) === DEFAULT_PORTS[kind]![previous] ? { [port]: DEFAULT_PORTS[kind]![next] } : {};
            set({ [security]: next, ...portPatch });
          }}
        >
          <option value="SSL">SSL/TLS</option>
          <option value="STARTTLS">STARTTLS</option>
          <option value="NONE">{t("noEncryption")}</option>
        </NativeSelect>
      </Field>
    </div>
  );
}

/**
 * IMAP and SMTP servers, with or without the login fields (bulk connect asks for logins per row).
 * `keepPasswordHint` is shown on existing mailboxes: an empty password keeps the stored one.
 */
export function ServerFields({
  values,
  set,
  errorOf,
  credentials,
  keepPasswordHint,
}: {
  values: Values;
  set: Setter;
  errorOf: (field: string) => string | undefined;
  credentials: boolean;
  keepPasswordHint?: boolean;
}) {
  const t = useTranslations("Connect");
  const [separateSmtpLogin, setSeparateSmtpLogin] = useState(Boolean(values.smtpLogin));
  const passwordHint = keepPasswordHint ? t("keepPassword") : undefined;
  return (
    <div className="flex flex-col gap-5">
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm font-semibold">{t("incoming")}</legend>
        <Endpoint kind="imap" values={values} set={set} errorOf={errorOf} />
        {credentials && (
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id="imapLogin" label={t("login")} error={errorOf("imapLogin")}>
              <Input
                {...describedBy("imapLogin", errorOf("imapLogin"))}
                value={text(values.imapLogin)}
                onChange={(event) => set({ imapLogin: event.target.value })}
                dir="ltr"
                autoComplete="off"
              />
            </Field>
            <Field id="imapPassword" label={t("password")} error={errorOf("imapPassword")} hint={passwordHint}>
              <Input
                {...describedBy("imapPassword", errorOf("imapPassword"), passwordHint)}
                type="password"
                value={text(values.imapPassword)}
                onChange={(event) => set({ imapPassword: event.target.value })}
                autoComplete="new-password"
                dir="ltr"
              />
            </Field>
          </div>
        )}
      </fieldset>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm font-semibold">{t("outgoing")}</legend>
        <div className="flex items-center gap-2">
          <Checkbox
            id="smtpEnabled"
            checked={Boolean(values.smtpEnabled)}
            onCheckedChange={(checked) => set({ smtpEnabled: checked === true })}
          />
          <Label htmlFor="smtpEnabled">{t("smtpEnabled")}</Label>
        </div>
        {Boolean(values.smtpEnabled) && (
          <>
            <Endpoint kind="smtp" values={values} set={set} errorOf={errorOf} />
            {credentials && (
              <>
                <div className="flex items-center gap-2">
                  <Checkbox
                    id="separateSmtpLogin"
                    checked={separateSmtpLogin}
                    onCheckedChange={(checked) => {
                      setSeparateSmtpLogin(checked === true);
                      if (checked !== true) set({ smtpLogin: undefined, smtpPassword: undefined });
                    }}
                  />
                  <Label htmlFor="separateSmtpLogin">{t("separateSmtpLogin")}</Label>
                </div>
                {separateSmtpLogin && (
                  <div className="grid gap-3 sm:grid-cols-2">
                    <Field id="smtpLogin" label={t("smtpLogin")} error={errorOf("smtpLogin")}>
                      <Input
                        {...describedBy("smtpLogin", errorOf("smtpLogin"))}
                        value={text(values.smtpLogin)}
                        onChange={(event) => set({ smtpLogin: event.target.value })}
                        dir="ltr"
                        autoComplete="off"
                      />
                    </Field>
                    <Field
                      id="smtpPassword"
                      label={t("smtpPassword")}
                      error={errorOf("smtpPassword")}
                      hint={passwordHint}
                    >
                      <Input
                        {...describedBy("smtpPassword", errorOf("smtpPassword"), passwordHint)}
                        type="password"
                        value={text(values.smtpPassword)}
                        onChange={(event) => set({ smtpPassword: event.target.value })}
                        autoComplete="new-password"
                        dir="ltr"
                      />
                    </Field>
                  </div>
                )}
              </>
            )}
          </>
        )}
      </fieldset>
    </div>
  );
}
