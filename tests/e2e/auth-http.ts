// Auth.js's own endpoints over plain HTTP from a chosen local address (127.0.0.x), so tests can
// play several clients: an attacker and the account's owner come from different addresses.
import http from "node:http";

export interface RawResponse {
  status: number;
  location: string;
  setCookies: string[];
  body: string;
}

export function rawRequest(
  baseURL: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; from?: string } = {},
): Promise<RawResponse> {
  const url = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: options.method ?? "GET",
        headers: { host: url.host, ...options.headers },
        localAddress: options.from,
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          body += chunk;
        });
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            location: String(response.headers.location ?? ""),
            setCookies: response.headers["set-cookie"] ?? [],
            body,
          }),
        );
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

/** name=value pairs of Set-Cookie headers, merged over earlier ones (a Cookie header value). */
export function cookieJar(...responses: RawResponse[]): string {
  const jar = new Map<string, string>();
  for (const response of responses)
    for (const line of response.setCookies) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

export type SignInOutcome = { ok: true; cookie: string } | { ok: false; code: string };

/** POST /api/auth/callback/credentials the way a script would, from `from`. */
export async function signInOverHttp(
  baseURL: string,
  email: string,
  password: string,
  from: string,
  extraHeaders: Record<string, string> = {},
): Promise<SignInOutcome> {
  const csrf = await rawRequest(baseURL, "/api/auth/csrf", { from });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const response = await rawRequest(baseURL, "/api/auth/callback/credentials", {
    method: "POST",
    from,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookieJar(csrf),
      ...extraHeaders,
    },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/" }).toString(),
  });
  const cookie = cookieJar(csrf, response);
  if (/authjs\.session-token=[^;]+/.test(cookie)) return { ok: true, cookie };
  const code = new URL(response.location, baseURL).searchParams.get("code") ?? `status ${response.status}`;
  return { ok: false, code: code.split(":")[0]! };
}
