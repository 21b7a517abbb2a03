/**
 * The formulas of the copy for colleagues without the add-in: what PRM.PARTNERSCORE and
 * PRM.PARTNERTIER compute (src/core/score.ts, normalize.ts, tiers.ts, requires.ts), restated
 * with built-in functions that Excel 2016 has (IF, AND, OR, NOT, TRUE, FALSE, ISNUMBER, ISTEXT, ISBLANK,
 * ISERROR, ISLOGICAL, TRIM, INDEX, MIN, MAX, N, NA, VALUE, ROUND, INT, LOG10). No LET, LAMBDA or dynamic arrays:
 * a sub-expression used twice is written twice. Each builder takes the cell references it
 * reads and returns formula text without the leading "=".
 *
 * The arithmetic is written in the order the core performs it (weights relative to the
 * largest, sums from the first criterion on), so the numbers agree to the last bit wherever
 * both follow IEEE doubles.
 */
import {
  EXCEL_DIGITS,
  conditionThreshold,
  type Condition,
  type CriteriaModel,
  type Criterion,
  type MissingPolicy,
} from "../core";
import {
  ifChain,
  numberLiteral,
  textLiteral,
  valueError,
} from "./excelFormula";

/**
 * Whether the cell is missing data as the functions read it (src/core/cell.ts): blank, an
 * error value, or text that trims to "", n/a, na or - (Excel's = ignores case).
 */
export function missingTest(value: string): string {
  return `IF(ISERROR(${value}),TRUE(),IF(ISTEXT(${value}),${isMissingMarker(`TRIM(${value})`)},ISBLANK(${value})))`;
}

/** Whether trimmed text is one of the texts the functions read as missing: "", n/a, na or -. */
function isMissingMarker(trimmed: string): string {
  const markers = ["", "n/a", "na", "-"].map(
    (m) => `${trimmed}=${textLiteral(m)}`,
  );
  return `OR(${markers.join(",")})`;
}

/**
 * A name cell of the Criteria or Tiers table as text: a name typed as a number (a tier 1, a
 * criterion 2025) is a number in the cell, and `1="1"` is FALSE in Excel; `1&""` is "1", the
 * text the functions read it as (src/core/cell.ts, cellText).
 */
function nameText(cell: string): string {
  return `${cell}&""`;
}

/**
 * A score as the functions compare it, to Excel's 15 significant digits (src/core/
 * precision.ts, excelRound15, which rounds as ROUND does): 58.99999999999999 is 59, in the
 * tier that starts at 59, in every engine.
 */
function comparedScore(score: string): string {
  // A score is never below 0; LOG10 of 0 would be an error.
  return `IF(${score}>0,ROUND(${score},${EXCEL_DIGITS - 1}-INT(LOG10(${score}))),0)`;
}

/** The cell as trimmed text, numbers as written: how a label or a Yes/No is looked up. */
function keyOf(value: string): string {
  return `TRIM(${value}&"")`;
}

/** Where a range/target criterion reads its Min and Max (a reference, or a literal 0). */
export interface SpanCells {
  min: string;
  max: string;
}

/**
 * One value on 0-100 (src/core/normalize.ts): "" when missing, a #VALUE! (with the reason in
 * the formula) when it cannot be read, as the functions' #VALUE!.
 */
export function normalizedFormula(
  criterion: Criterion,
  value: string,
  span: () => SpanCells,
): string {
  const name = criterion.name;
  let read: string;
  switch (criterion.method) {
    case "range":
    case "target": {
      const { min: lo, max: hi } = span();
      const percent = `IF(${value}<=${lo},0,IF(${value}>=${hi},100,100*(${value}-${lo})/(${hi}-${lo})))`;
      const directed =
        criterion.better === "lower" ? `100-${percent}` : percent;
      read = `IF(ISNUMBER(${value}),IF(${hi}>${lo},${directed},${valueError(`${name}: Max must be above Min`)}),${valueError(`${name} needs a number`)})`;
      break;
    }
    case "rating": {
      const key = keyOf(value);
      const steps = criterion.scale.map(
        (s) =>
          [`${key}=${textLiteral(s.label)}`, numberLiteral(s.points)] as const,
      );
      read = `IF(ISLOGICAL(${value}),${valueError(`${name}: not on its scale`)},${ifChain(steps, valueError(`${name}: not on its scale`))})`;
      break;
    }
    case "yesno": {
      const key = keyOf(value);
      const any = (words: string[]) =>
        `OR(${words.map((w) => `${key}=${textLiteral(w)}`).join(",")})`;
      read = `IF(ISLOGICAL(${value}),IF(${value},100,0),${ifChain(
        [
          [any(["true", "yes", "y", "1"]), "100"],
          [any(["false", "no", "n", "0"]), "0"],
        ],
        valueError(`${name} needs Yes or No`),
      )})`;
      break;
    }
  }
  return `IF(${missingTest(value)},"",${read})`;
}

/**
 * The row of the relative-weights block a partner's Type picks (1 = the Weight column), as
 * the profile argument of PRM.PARTNERSCORE reads it (src/functions/arguments.ts,
 * resolveProfile): blank or "" is the default, "default" too, a known profile by name in any
 * case; anything else is a #VALUE!.
 */
export function profileRowFormula(model: CriteriaModel, type: string): string {
  const key = keyOf(type);
  const notText = valueError("The partner's Type must be text");
  const branches: [string, string][] = [
    [`ISBLANK(${type})`, "1"],
    [`OR(ISERROR(${type}),ISLOGICAL(${type}))`, notText],
    [`${type}=""`, "1"],
    [isMissingMarker(key), notText],
    [`${key}="default"`, "1"],
    ...model.profiles.map(
      (profile, i) =>
        [`${key}=${textLiteral(profile)}`, String(i + 2)] as [string, string],
    ),
  ];
  return ifChain(
    branches,
    valueError("The partner's Type names no Weight (Type) column"),
  );
}

/**
 * One relative weight of the weights block: the Criteria table's weight over the largest of
 * its profile (src/core/score.ts, relativeWeights), after checking that the row still names
 * the criterion the copy was made for, since the methods and scales are baked in by name.
 */
export function relativeWeightFormula(
  criterion: Criterion,
  nameCell: string,
  weight: string,
  profileWeights: string,
  profileLabel: string,
): string {
  const largest = `MAX(${profileWeights})`;
  return `IF(${nameText(nameCell)}=${textLiteral(criterion.name)},IF(${largest}>0,${weight}/${largest},${valueError(`All weights are zero in ${profileLabel}`)}),${valueError(CRITERIA_CHANGED)})`;
}

export const CRITERIA_CHANGED =
  "The Criteria table changed since this copy was made: Apply in the Partner Scorecard pane to rewrite it";
export const TIERS_CHANGED =
  "The Tiers table changed since this copy was made: Apply in the Partner Scorecard pane to rewrite it";

/** The cells one partner's score reads. */
export interface ScoreCells {
  /** The cell with the partner's row of the weights block, or null without a Type column. */
  profileRow: string | null;
  /** Per criterion, the partner's value on 0-100 ("" when missing). */
  normalized: string[];
  /** Per criterion, its relative weight for that partner (e.g. INDEX($F$6:$F$8,$E12)). */
  weights: string[];
}

/**
 * The score (src/core/score.ts, scorePartner), with the functions' errors in their order:
 * an unknown profile or all-zero weights (#VALUE!), then "" for a partner without any data,
 * then per criterion in table order an unreadable value (#VALUE!) or, with the error policy,
 * a missing one that has weight (#N/A); then #N/A when less than half the weight has data.
 */
export function scoreFormula(
  cells: ScoreCells,
  missing: MissingPolicy,
): string {
  const { profileRow, normalized: n, weights: w } = cells;
  const sum = (terms: string[]) => `(${terms.join("+")})`;
  const total = sum(w);
  const weighted = sum(w.map((weight, i) => `${weight}*N(${n[i]})`));
  const branches: [string, string][] = [
    ...(profileRow === null
      ? []
      : [[`ISERROR(${profileRow})`, profileRow] as [string, string]]),
    [`ISERROR(${w[0]})`, w[0]],
    [`AND(${n.map((cell) => `ISTEXT(${cell})`).join(",")})`, '""'],
  ];
  n.forEach((cell, i) => {
    if (missing === "error") {
      // One level per criterion, so that the nesting stays within Excel's 64 levels.
      const absent = `AND(ISTEXT(${cell}),${w[i]}>0)`;
      branches.push([
        `OR(ISERROR(${cell}),${absent})`,
        `IF(ISERROR(${cell}),${cell},NA())`,
      ]);
    } else branches.push([`ISERROR(${cell})`, cell]);
  });
  let result: string;
  if (missing === "skip") {
    const present = sum(
      w.map((weight, i) => `IF(ISNUMBER(${n[i]}),${weight},0)`),
    );
    // The same tolerance as the core, so that exactly half the weight is enough.
    branches.push([
      `${present}<${total}/2*(1-${numberLiteral(1e-12)})`,
      "NA()",
    ]);
    result = `MIN(100,MAX(0,${weighted}/${present}))`;
  } else {
    // Missing values count as 0 points (zero) or have stopped the score above (error), so
    // the weight that counts is all of it.
    result = `MIN(100,MAX(0,${weighted}/${total}))`;
  }
  return ifChain(branches, result);
}

/** A tier as the copy bakes it: its name, where its Min score is, its requirements. */
export interface TierCells {
  name: string;
  /** The Tiers table cells holding its name and Min score. */
  nameCell: string;
  minScore: string;
  requires: Condition[];
}

/** What a requirement's criterion reads in the partner's row. */
export interface ConditionCells {
  /** Per criterion, the partner's raw value cell. */
  values: string[];
  /** Per criterion, the partner's value on 0-100 ("" when missing). */
  normalized: string[];
}

/**
 * One condition of a Requires cell (src/core/requires.ts, meets): a missing value does not
 * meet it; numbers compare raw, ratings by their points, yes/no as Yes or No.
 */
export function conditionFormula(
  model: CriteriaModel,
  condition: Condition,
  cells: ConditionCells,
): string {
  const { index, limit } = conditionThreshold(model, condition);
  const criterion = model.criteria[index];
  const normalized = cells.normalized[index];
  let test: string;
  switch (criterion.method) {
    case "range":
    case "target":
      test = `${cells.values[index]}${condition.op}${numberLiteral(limit)}`;
      break;
    case "rating":
      test = `${normalized}${condition.op}${numberLiteral(limit)}`;
      break;
    case "yesno": {
      // The value is 100 (Yes) or 0 (No); "= Yes" and "<> No" both mean 100.
      const yes = (limit === 1) === (condition.op === "=");
      test = `${normalized}=${yes ? 100 : 0}`;
      break;
    }
  }
  return `IF(ISNUMBER(${normalized}),${test},FALSE())`;
}

/**
 * The tier (src/core/tiers.ts, tierFor): "" when the score is blank or an error (as
 * PRM.PARTNERTIER reads an error in its score argument), else the first of the tiers, ranked
 * by Min score, whose Min score and requirements hold; #N/A when none does. `ranked` is the
 * order at the time of writing: a text says so when the Tiers table no longer has it.
 */
export function tierFormula(
  model: CriteriaModel,
  ranked: TierCells[],
  score: string,
  cells: ConditionCells,
): string {
  const unchanged = [
    ...ranked.map((t) => `${nameText(t.nameCell)}=${textLiteral(t.name)}`),
    ...ranked.slice(1).map((t, i) => `${ranked[i].minScore}>=${t.minScore}`),
  ];
  const choice = ifChain(
    ranked.map((tier) => {
      const tests = [
        `${comparedScore(score)}>=${tier.minScore}`,
        ...tier.requires.map((c) => conditionFormula(model, c, cells)),
      ];
      const all = tests.length === 1 ? tests[0] : `AND(${tests.join(",")})`;
      return [all, textLiteral(tier.name)] as const;
    }),
    "NA()",
  );
  return ifChain(
    [
      [`ISERROR(${score})`, '""'],
      [`${score}=""`, '""'],
      [`NOT(AND(${unchanged.join(",")}))`, textLiteral(TIERS_CHANGED)],
    ],
    choice,
  );
}

/**
 * PRM.CERTSTATUS of one expiry cell (src/core/certification.ts): None for a missing date,
 * Expired before `asOf`, Expiring within `warnDays` of it (the expiry day included), else
 * Active. A date is a serial number (its whole days) or ISO text (2026-03-31); anything else
 * is a #VALUE!, as in the function.
 */
export function certStatusFormula(
  expiry: string,
  asOf: string,
  warnDays: string,
): string {
  const status = (day: string) =>
    `IF(${day}<${asOf},"Expired",IF(${day}-${asOf}<=${warnDays},"Expiring","Active"))`;
  const notDate = valueError("The expiry must be a date");
  const t = `TRIM(${expiry})`;
  const [year, month, dayOf] = [
    `LEFT(${t},4)`,
    `MID(${t},6,2)`,
    `RIGHT(${t},2)`,
  ];
  const iso = `DATE(VALUE(${year}),VALUE(${month}),VALUE(${dayOf}))`;
  const isoShaped = `AND(LEN(${t})=10,MID(${t},5,1)="-",MID(${t},8,1)="-",ISNUMBER(VALUE(${year})),ISNUMBER(VALUE(${month})),ISNUMBER(VALUE(${dayOf})))`;
  // DATE rolls 2026-02-30 over into March: such a text is not a date.
  const isoReal = `AND(MONTH(${iso})=VALUE(${month}),DAY(${iso})=VALUE(${dayOf}))`;
  return ifChain(
    [
      [missingTest(expiry), '"None"'],
      [
        `ISNUMBER(${expiry})`,
        // Day 0 is no date (src/core/certification.ts, readDate): None, as a blank.
        `IF(${expiry}<0,${notDate},IF(INT(${expiry})=0,"None",${status(`INT(${expiry})`)}))`,
      ],
      [
        `ISTEXT(${expiry})`,
        `IF(${isoShaped},IF(${isoReal},${status(iso)},${notDate}),${notDate})`,
      ],
    ],
    notDate,
  );
}
