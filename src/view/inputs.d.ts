// What the JavaScript API takes (hand-written). `src/view/ts.rs` puts it first in
// src/js_api.d.ts, then the fact interfaces (from FACTS) and what it returns (from the
// view's Rust types).

/** Yuan as an exact decimal string, e.g. "1250" or "104.17". Never a float. */
export type Money = string;

/** A calendar date, "YYYY-MM-DD". */
export type IsoDate = string;

/** What every function returns: the value, or an error naming the field. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/**
 * A household to estimate: what `estimate` and `questions` take (or the same as JSON text).
 * Leave out what is not known: an unanswered fact is unknown, never "no".
 */
export interface Household {
  /** A region id from `regions()`, e.g. "hebei". */
  region: string;
  /** The day to evaluate on; default today. */
  date?: IsoDate | null;
  household?: HouseholdFacts | null;
  /** 1 to 30 members, the applicant first. */
  members: Member[];
}

/**
 * A deployment's settings (schema benefit-settings/1): figures no resident knows but the
 * office does, the same for everyone it serves. The resident's own answer still wins.
 */
export interface Settings {
  schema?: "benefit-settings/1";
  /** Who deploys the estimator, e.g. "海东市平安区政务服务中心". */
  deployment: string;
  /** Per region id, per deployment-wide fact. */
  regions: { [region: string]: { [fact in DeploymentWideFact]?: SettingsFigure } };
}

export interface SettingsFigure {
  /** Money as a decimal string, yes/no as a boolean, days as a whole number. */
  value: Money | boolean | number;
  /** The year it applies to. */
  year: number;
  /** Where it comes from. */
  source: string;
}

/** The second argument of `estimate` and `questions`. */
export interface EstimateOptions {
  /** The deployment's settings, as an object or JSON text. */
  settings?: Settings | string | null;
}
