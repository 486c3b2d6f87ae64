// Filling in the form as a resident does: the form shows the questions that matter
// most; when the one we need is folded away, open "more questions" in that card first.
import { expect } from "./fixtures.mjs";

function card(page, member) {
  return member === null ? page.locator("fieldset.household") : page.locator("fieldset.member").nth(member);
}

// Facts asked only after a household question opens them ("is anyone in school?"):
// a resident answers that question first.
const GATES = {
  student_stage: "household_student",
  disability_certificate: "household_disability",
  orphan: "household_special_child",
  de_facto_unsupported: "household_special_child",
  family_planning: "household_family_planning",
  sterilization_complication: "household_family_planning",
  tekun: "household_tekun",
};

/** Answers one fact: `member` is a member index, or null for the household. */
export async function answer(page, member, fact, value) {
  const id = `#f-${member === null ? "h" : member}-${fact}`;
  const field = page.locator(id);
  // The card must be drawn before "is the field visible?" means anything: on a slow load
  // the answer was "no", and the card's optional questions were opened for nothing.
  await expect(card(page, member).locator("legend")).toBeVisible();
  const gate = GATES[fact];
  if (gate && member !== null && !(await field.isVisible())) {
    const g = page.locator(`#f-h-${gate}`);
    if (!(await g.isVisible()) || (await g.inputValue()) === "") await answer(page, null, gate, true);
  }
  if (!(await field.isVisible())) {
    const more = card(page, member).locator("button.more");
    if ((await more.getAttribute("aria-expanded")) === "false") await more.click();
  }
  await expect(field).toBeVisible();
  if ((await field.evaluate((e) => e.tagName)) === "SELECT") {
    const option = value === true ? "yes" : value === false ? "no" : String(value);
    await field.selectOption(option);
  } else {
    await field.fill(String(value));
    await field.blur(); // money fields apply on change
  }
}

/** Answers several facts of one member (or the household) in order. */
export async function answerAll(page, member, facts) {
  for (const [fact, value] of Object.entries(facts)) await answer(page, member, fact, value);
}

export async function pickRegion(page, id) {
  await page.locator("#region").selectOption(id);
}

export async function addMember(page) {
  const before = await page.locator("fieldset.member").count();
  await page.locator("button.add").click();
  await expect(page.locator("fieldset.member")).toHaveCount(before + 1);
  return before;
}

/** The "why" panel of an eligible result, opened. */
export async function openResult(page, name, who) {
  let item = page.getByTestId("eligible").locator("details", { hasText: name });
  if (who) item = item.filter({ hasText: who });
  item = item.first();
  await item.locator("summary").click();
  await expect(item.locator(".why")).toBeVisible();
  return item;
}
