import { describe, expect, it } from "vitest";
import { parseVcards } from "./vcard.ts";

describe("vCard parsing", () => {
  it("reads name, addresses, numbers and organisation from a 3.0 card with folded lines", () => {
    const text = [
      "BEGIN:VCARD",
      "VERSION:3.0",
      "N:Rossi;Marco;;;",
      "FN:Marco Rossi",
      "ORG:Costa Verde S.p.A.;Sales",
      "EMAIL;TYPE=INTERNET,WORK:Marco@CostaVerde.example",
      "item1.EMAIL:marco.private@example.test",
      "TEL;TYPE=CELL:+39 (02) 1234",
      " 567",
      "END:VCARD",
    ].join("\r\n");
    expect(parseVcards(text)).toEqual([
      {
        name: "Marco Rossi",
        emails: ["marco@costaverde.example", "marco.private@example.test"],
        phones: ["+39021234567"],
        company: "Costa Verde S.p.A.",
      },
    ]);
  });

  it("several cards, 2.1 quoted-printable names, cards without a name fall back to the address", () => {
    const text = [
      "BEGIN:VCARD",
      "VERSION:2.1",
      "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen",
      "EMAIL:jm@example.test",
      "END:VCARD",
      "BEGIN:VCARD",
      "EMAIL:only@example.test",
      "END:VCARD",
      "BEGIN:VCARD",
      "NOTE:nothing useful",
      "END:VCARD",
    ].join("\n");
    expect(parseVcards(text).map((card) => [card.name, card.emails])).toEqual([
      ["Jürgen Müller", ["jm@example.test"]],
      ["only@example.test", ["only@example.test"]],
    ]);
  });

  it("drops control and text-direction characters and malformed addresses", () => {
    const [card] = parseVcards("BEGIN:VCARD\nFN:Evil\u202E txt\nEMAIL:not-an-address\nEND:VCARD");
    expect(card).toEqual({ name: "Evil txt", emails: [], phones: [], company: null });
  });
});
