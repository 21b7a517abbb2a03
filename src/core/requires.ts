/**
 * A tier's Requires column: `Accreditation >= Gold; Certified staff >= 2`. A condition
 * compares the partner's raw value of a criterion: numbers as numbers, rating labels by their
 * points on the criterion's Scale, yes/no as Yes/No. A missing value does not meet it.
 */
import { isMissing } from "./cell";
import { invalid, valueOrThrow } from "./errors";
import {
  OPERATORS,
  type Condition,
  type CriteriaModel,
  type Criterion,
  type Operator,
} from "./model";
import {
  numberOrError,
  ratingPointsOrError,
  readYesNo,
  yesNoOrError,
} from "./normalize";
import { pointsOf } from "./scale";

const CONDITION = /^(.+?)\s*(>=|<=|<>|>|<|=)\s*(.+)$/;

/** Parses a Requires cell; a string result says which part could not be read. */
export function parseRequires(text: string): Condition[] | string {
  const conditions: Condition[] = [];
  for (const part of text.split(";")) {
    const piece = part.trim();
    if (piece === "") continue;
    const match = CONDITION.exec(piece);
    if (!match) {
      return `cannot read the condition "${piece}": write <Criterion> <op> <value>, e.g. Accreditation >= Gold, with op one of ${OPERATORS.join(" ")}`;
    }
    conditions.push({
      criterion: match[1].trim(),
      op: match[2] as Operator,
      value: match[3].trim(),
    });
  }
  return conditions;
}

export function formatCondition(c: Condition): string {
  return `${c.criterion} ${c.op} ${c.value}`;
}

/**
 * A Requires cell for these conditions: what parseRequires reads back as the same list, for
 * criterion names without `<`, `>`, `=` or `;` and values without `;` (the parser splits there).
 */
export function formatRequires(conditions: readonly Condition[]): string {
  return conditions.map(formatCondition).join("; ");
}

function compare(left: number, op: Operator, right: number): boolean {
  switch (op) {
    case ">=":
      return left >= right;
    case "<=":
      return left <= right;
    case ">":
      return left > right;
    case "<":
      return left < right;
    case "=":
      return left === right;
    case "<>":
      return left !== right;
  }
}

function criterionOf(
  model: CriteriaModel,
  condition: Condition,
): { criterion: Criterion; index: number } {
  const key = condition.criterion.toLowerCase();
  const index = model.criteria.findIndex((c) => c.name.toLowerCase() === key);
  if (index < 0)
    invalid(
      `the requirement "${formatCondition(condition)}" names no criterion of the Criteria table`,
    );
  return { criterion: model.criteria[index], index };
}

/** The condition's threshold, as the criterion reads its values. */
function threshold(criterion: Criterion, condition: Condition): number {
  const shown = formatCondition(condition);
  switch (criterion.method) {
    case "range":
    case "target": {
      const n = Number(condition.value);
      return Number.isFinite(n)
        ? n
        : invalid(
            `in "${shown}", ${criterion.name} is a number criterion, so ${condition.value} must be a number`,
          );
    }
    case "rating": {
      const points = pointsOf(criterion.scale, condition.value);
      return (
        points ??
        invalid(
          `in "${shown}", ${condition.value} is not on the scale of ${criterion.name} (${criterion.scale.map((s) => s.label).join(", ")})`,
        )
      );
    }
    case "yesno": {
      const yes = readYesNo(condition.value);
      if (
        yes === undefined ||
        (condition.op !== "=" && condition.op !== "<>")
      ) {
        return invalid(
          `in "${shown}", ${criterion.name} is yes/no: write ${criterion.name} = Yes or ${criterion.name} = No`,
        );
      }
      return yes ? 1 : 0;
    }
  }
}

/** Checks a condition's criterion and value against the model without a partner. */
export function checkCondition(
  model: CriteriaModel,
  condition: Condition,
): void {
  threshold(criterionOf(model, condition).criterion, condition);
}

/** Whether one partner's values (one per criterion) meet the condition. */
export function meets(
  model: CriteriaModel,
  values: readonly unknown[],
  condition: Condition,
): boolean {
  const { criterion, index } = criterionOf(model, condition);
  const limit = threshold(criterion, condition);
  const cell = values[index];
  if (isMissing(cell)) return false;
  switch (criterion.method) {
    case "range":
    case "target":
      return compare(
        valueOrThrow(numberOrError(criterion, cell)),
        condition.op,
        limit,
      );
    case "rating":
      return compare(
        valueOrThrow(ratingPointsOrError(criterion, cell)),
        condition.op,
        limit,
      );
    case "yesno":
      return compare(
        valueOrThrow(yesNoOrError(criterion, cell)) / 100,
        condition.op,
        limit,
      );
  }
}

/**
 * Where a condition looks and what it compares with: the index of its criterion and the
 * threshold as that criterion reads values (a number, a rating's points, 1/0 for Yes/No).
 * A #VALUE! when the condition does not fit the model. For code that restates a condition
 * elsewhere, such as the built-in formulas of the copy for colleagues (src/sharing).
 */
export function conditionThreshold(
  model: CriteriaModel,
  condition: Condition,
): { index: number; limit: number } {
  const { criterion, index } = criterionOf(model, condition);
  return { index, limit: threshold(criterion, condition) };
}
