// Adds (or refreshes) the name_en column of a pack's townships.csv: each township's name romanised in
// Hanyu Pinyin without tones, in the style of the packs' county names ("Gulou Qu"): the proper name as one
// word with an apostrophe before a syllable starting with a, o or e ("Chang'an"), then the generic part
// (街道 Jiedao, 镇 Zhen, 乡 Xiang, ...). Readings come from pinyin-pro (MIT; npm install pinyin-pro), which
// knows the readings of place names (蚌埠 Bengbu, 六安 Lu'an). An automatic romanisation, not an official
// English name: the packs' README says so.
//
// usage: node tools/romanise_townships.mjs scenarios/xuzhou/townships.csv   (rewrites the file in place)
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { pinyin, customPinyin } = require("pinyin-pro");
// Readings of characters that place names read otherwise than everyday words: 东栅 Dongzha, 曾田 Zengtian.
customPinyin({ 栅: "zhà", 曾: "zēng" });

// Generic endings, longest first, with their romanisation.
const SUFFIXES = [
  ["民族乡", "Minzuxiang"], ["街道办事处", "Jiedao"], ["办事处", "Banshichu"], ["街道", "Jiedao"], ["镇", "Zhen"],
  ["乡", "Xiang"], ["管委会", "Guanweihui"], ["开发区", "Kaifaqu"], ["园区", "Yuanqu"], ["农场", "Nongchang"],
  ["林场", "Linchang"], ["园", "Yuan"], ["区", "Qu"], ["场", "Chang"],
];

function word(chinese) {
  const syllables = pinyin(chinese, { toneType: "none", type: "array", v: true }).map((s) => s.replace(/v/g, "ü"));
  let out = "";
  syllables.forEach((s, i) => {
    if (!/^[a-zü]+$/.test(s)) { out += s; return; }  // digits and Latin letters stay as they are
    if (i > 0 && /^[aoe]/.test(s) && /[a-zü]$/.test(out)) out += "'";
    out += s;
  });
  return out.charAt(0).toUpperCase() + out.slice(1);
}

export function romanise(name) {
  for (const [suffix, roman] of SUFFIXES) {
    if (name.endsWith(suffix) && name.length > suffix.length) return `${word(name.slice(0, -suffix.length))} ${roman}`;
  }
  return word(name);
}

const path = process.argv[2];
const lines = readFileSync(path, "utf8").split("\n");
let header = null;
const out = lines.map((line) => {
  if (line.startsWith("#") || line.trim() === "") return line;
  const cells = line.split(",");  // the packs' township names hold no commas
  if (!header) {
    header = cells;
    if (!header.includes("name_en")) header.splice(header.indexOf("name_zh") + 1, 0, "name_en");
    return header.join(",");
  }
  const zh = cells[header.indexOf("name_zh")];
  if (cells.length === header.length) cells[header.indexOf("name_en")] = romanise(zh);
  else cells.splice(header.indexOf("name_zh") + 1, 0, romanise(zh));
  return cells.join(",");
});
writeFileSync(path, out.join("\n"));
