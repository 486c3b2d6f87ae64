// The resident's interview in the browser (issue 19): an elderly person living alone, a family
// of five and a 低保 household with a disabled member, on a 360 px phone with large text, on a
// desktop and embedded. The form asks only what can change an amount; each answer is given the
// way a resident gives it (the keyboard for selects); the total stays in view; every kind of
// answer survives a reload and the share link; no question is implausible for the member.
import { test, expect } from "./fixtures.mjs";

const ORIGIN = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4173) + 1}`;

const HOUSEHOLDS = [
  {
    name: "85-year-old living alone",
    region: "haidong",
    household: { economic_hardship: false, dibao: false },
    members: [
      { relation: "self", age: 85, sex: "female", hukou_local: true, hukou_type: "rural", hukou_province: true,
        lives_alone: true, pension_scheme: "resident", medical_scheme: "resident", incapacity_level: "mild" },
    ],
    most: 8,
  },
  {
    name: "family of five",
    region: "hebei",
    household: { economic_hardship: true, income_per_capita_month: "900" },
    members: [
      { relation: "self", age: 38, sex: "male", hukou_type: "rural", hukou_local: true, employment: "employed", pension_scheme: "employee" },
      { relation: "spouse", age: 36, sex: "female", hukou_type: "rural", hukou_local: true, employment: "farmer", pension_scheme: "resident" },
      { relation: "child", age: 14, student_stage: "junior", boarding: true, hukou_local: true },
      { relation: "child", age: 8, student_stage: "primary", hukou_local: true },
      { relation: "parent", age: 70, hukou_type: "rural", pension_scheme: "resident", hukou_local: true },
    ],
    most: 12,
  },
  {
    name: "低保 household with a disabled member",
    region: "yanbian",
    household: { dibao: true, economic_hardship: true, income_per_capita_month: "300" },
    members: [
      { relation: "self", age: 52, sex: "male", hukou_type: "urban", hukou_local: true, disability_certificate: true,
        disability_grade: 2, disability_type: "physical", able_to_work: false },
      { relation: "spouse", age: 49, sex: "female", hukou_type: "urban", hukou_local: true },
    ],
    most: 12,
  },
];

// Questions no one should put to a member of this age.
const CHILD_ONLY = ["orphan", "de_facto_unsupported", "plight_child", "child_welfare_certificate", "kindergarten_year", "newborn"];
const NOT_FOR_THE_OLD = ["student_stage", "boarding", "pregnant", "postpartum", "planning_pregnancy", "postgraduate_admitted"];
const ADULT_ONLY = ["employment", "pension_scheme", "family_planning", "sterilization_complication", "pregnant", "marital_status"];
function implausible(fact, age) {
  return (age >= 18 && CHILD_ONLY.includes(fact)) || (age >= 60 && NOT_FOR_THE_OLD.includes(fact)) || (age < 16 && ADULT_ONLY.includes(fact));
}

/** The answer a resident gives: the truth; else "no", or "none" where the list has it; else 不清楚. */
function truthOf(h, member, fact) {
  const facts = member === null ? h.household : h.members[member];
  if (fact in facts) return facts[fact];
  const anyone = (f, yes) => h.members.some((m) => f in m && yes(m[f]));
  if (fact === "household_student") return anyone("student_stage", (v) => v !== "none");
  if (fact === "household_disability") return anyone("disability_certificate", (v) => v === true);
  if (fact === "household_tekun") return anyone("tekun", (v) => v === true);
  if (fact === "household_special_child" || fact === "household_family_planning") return false;
  return undefined;
}

/** Every control of the form, optional ones and 不清楚 answers included, and its value:
 *  what a reload or a link must give back. */
async function formState(root) {
  const more = root.locator(".ask button.more[aria-expanded=false]");
  while (await more.count()) await more.first().click();
  return root.locator(".ask").evaluate((a) =>
    [...a.querySelectorAll("select, input, button.dont-know")]
      .filter((e) => e.id || e.classList.contains("dont-know"))
      .map((e) => e.id ? `${e.id}=${e.value}` : `${e.closest(".field").querySelector("input").id}:dk=${e.getAttribute("aria-pressed")}`)
      .sort().join("\n"));
}

/** Answers the main form's questions, first unanswered first, until none is left; returns what was asked. */
async function interview(root, h) {
  const asked = [];
  for (let round = 0; round < 40; round++) {
    const next = await root.locator(".ask").evaluate((a) => {
      const visible = (e) => e.offsetParent !== null;
      const c = [...a.querySelectorAll(".field select, .field input")].find((e) =>
        visible(e) && e.id && !/-(relation|age)$/.test(e.id) && e.id !== "region" && e.value === "" &&
        e.closest(".field").querySelector("button.dont-know[aria-pressed=true]") === null);
      return c ? { id: c.id, tag: c.tagName } : null;
    });
    if (!next) break;
    const [, who, fact] = next.id.match(/^f-(h|\d+)-(.+)$/);
    const member = who === "h" ? null : Number(who);
    asked.push({ member, fact });
    const field = root.locator(`#${next.id}`);
    const truth = truthOf(h, member, fact);
    if (next.tag === "SELECT") {
      const options = await field.locator("option").evaluateAll((os) => os.map((o) => o.value));
      const want = truth === true ? "yes" : truth === false ? "no" : truth !== undefined ? String(truth)
        : options.includes("no") ? "no" : options.includes("none") ? "none" : "?";
      // By keyboard: focus the list, move to the answer, and check focus stays on it.
      await field.focus();
      const target = options.indexOf(want);
      const now = options.indexOf(await field.inputValue());
      for (let k = now; k < target; k++) await field.press("ArrowDown");
      await expect(field).toHaveValue(want);
      await expect(field, `focus stays on ${next.id}`).toBeFocused();
    } else if (truth !== undefined) {
      await field.fill(String(truth));
      await field.press("Tab");
    } else {
      await field.locator("xpath=ancestor::div[contains(@class,'field')]").locator("button.dont-know").click();
    }
  }
  return asked;
}

async function setUp(root, h) {
  await root.locator("#region").selectOption(h.region);
  for (let i = 0; i < h.members.length; i++) {
    if (i > 0) await root.locator("button.add").click();
    await root.locator(`#f-${i}-relation`).selectOption(h.members[i].relation);
    await root.locator(`#f-${i}-age`).fill(String(h.members[i].age));
  }
}

for (const h of HOUSEHOLDS) {
  for (const view of ["phone", "desktop"]) {
    test(`interview, ${view}: ${h.name} (${h.region})`, async ({ watched, browser }) => {
      const { page } = watched;
      if (view === "phone") await page.setViewportSize({ width: 360, height: 740 });
      await page.goto("./");
      if (view === "phone") await page.getByRole("button", { name: "大字模式" }).click();
      await setUp(page, h);
      const asked = await interview(page, h);
      console.log(`${h.region} ${h.name} (${view}): ${asked.length} questions: ${asked.map((q) => `${q.fact}@${q.member ?? "h"}`).join(" ")}`);
      expect(asked.length, "questions in the main form").toBeLessThanOrEqual(h.most);
      for (const q of asked) {
        if (q.member !== null) expect(implausible(q.fact, h.members[q.member].age), `${q.fact} for a ${h.members[q.member].age}-year-old`).toBe(false);
      }
      // The total is in view without scrolling past the questions: on a phone the compact total
      // stays at the top however far the form scrolls; on a desktop the results column sits beside
      // the form, the total and the first result in view without scrolling at all.
      const inView = async (loc) => {
        const box = await loc.boundingBox();
        const vh = page.viewportSize().height;
        return box !== null && box.y >= 0 && box.y + box.height <= vh;
      };
      if (view === "phone") {
        await page.locator(".ask fieldset").last().scrollIntoViewIfNeeded();
        expect(await inView(page.getByTestId("total-bar-sticky"))).toBe(true);
      } else {
        await page.evaluate(() => window.scrollTo(0, 0));
        expect(await inView(page.getByTestId("total-year"))).toBe(true);
        expect(await inView(page.getByTestId("eligible").locator("summary").first())).toBe(true);
      }
      await page.screenshot({ path: `target/e2e-results/screenshots/interview-${h.region}-${view}.png` });

      // Every kind of answer: money typed with full-width digits and 元, 不清楚 on a number.
      await formState(page); // opens every card's optional questions
      const income = page.locator("#f-h-income_per_capita_month");
      if (await income.count()) {
        await income.fill("１２００元");
        await income.press("Tab");
        await expect(income).toHaveValue("1200");
      }
      const standard = page.locator("#f-h-local_dibao_standard_month");
      if (await standard.count()) {
        await standard.locator("xpath=ancestor::div[contains(@class,'field')]").locator("button.dont-know").click();
        await expect(standard.locator("xpath=ancestor::div[contains(@class,'field')]").locator("button.dont-know")).toHaveAttribute("aria-pressed", "true");
      }
      // Every answer, 不清楚 included, survives a reload and the share link.
      const before = await formState(page);
      const total = await page.getByTestId("total-year").textContent();
      await page.reload();
      await expect(page.getByTestId("total-year")).toHaveText(total);
      expect(await formState(page)).toBe(before);
      await page.getByRole("button", { name: "分享链接" }).click();
      await page.getByRole("button", { name: "我明白，生成链接" }).click();
      const link = await page.locator("#share-link").inputValue();
      const other = await browser.newContext();
      const page2 = await other.newPage();
      await page2.goto(link);
      await expect(page2.getByTestId("total-year")).toHaveText(total);
      expect(await formState(page2)).toBe(before);
      await other.close();

      if (view === "desktop") {
        // Every list switches language, and back.
        const cjk = /[\u4e00-\u9fff]/;
        const names = () => page.locator(".answer .results .name").allTextContents();
        // English names may keep a term in Chinese ("Minimum living allowance (低保)"), but
        // are English: each has Latin letters.
        await page.getByRole("button", { name: "English" }).click();
        await expect.poll(async () => (await names()).filter((n) => !/[A-Za-z]{3}/.test(n)).length).toBe(0);
        await page.getByRole("button", { name: "中文" }).click();
        await expect.poll(async () => (await names()).every((n) => cjk.test(n))).toBe(true);
        // Printed: at most two A4 pages, and never a "no" answer (not pregnant, no HIV…).
        await page.emulateMedia({ media: "print" });
        await expect(page.locator(".print-summary")).toBeVisible();
        await expect(page.locator(".print-summary")).not.toContainText("：否");
        const pdf = await page.pdf({ format: "A4" });
        const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
        expect(pages, "printed pages").toBeGreaterThan(0);
        expect(pages, "printed pages").toBeLessThanOrEqual(2);
        await page.emulateMedia({ media: "screen" });
      }
    });
  }
}

test("interview, embedded: the total is repeated where the resident is", async ({ watched }) => {
  const { page } = watched;
  await page.goto(`${ORIGIN}/gov/page.html`);
  const app = page.frameLocator("benefit-estimator iframe");
  await app.getByRole("button", { name: "中文" }).click();
  const h = HOUSEHOLDS[1];
  await setUp(app, h);
  const asked = await interview(app, h);
  expect(asked.length).toBeLessThanOrEqual(h.most);
  // Inside the frame nothing can stay in view: each member card ends with the total.
  const bars = app.locator("[data-testid=total-bar-in-card]");
  await expect(bars).toHaveCount(h.members.length);
  await expect(bars.last()).toBeVisible();
  await expect(bars.last()).toContainText(await app.getByTestId("total-year").textContent());
});
