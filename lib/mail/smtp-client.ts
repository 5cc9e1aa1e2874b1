// One configured nodemailer transport. It only takes a ConnectTarget: an address that has passed
// the outbound policy (./outbound.ts), connected to as checked, with TLS verifying the typed name.
import nodemailer from "nodemailer";
import type { ConnectTarget } from "./outbound.ts";

export function createSmtpTransport(target: ConnectTarget, timeoutMs: number) {
  return nodemailer.createTransport({
    // The checked address (an IP needs no lookup); TLS sends and verifies the typed name.
    host: target.address,
    port: target.port,
    secure: target.security === "SSL",
    requireTLS: target.security === "STARTTLS",
    ignoreTLS: target.security === "NONE",
    tls: target.servername ? { servername: target.servername } : undefined,
    auth: { user: target.login, pass: target.password },
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    logger: false,
  });
}
