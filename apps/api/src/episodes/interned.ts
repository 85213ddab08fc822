/** Values kept once, each under a small code (0, 1, ...), as the stores keep their text and ids per episode. */
export class Interned<Value> {
  readonly values: Value[] = [];
  private readonly codes = new Map<Value, number>();

  code(value: Value): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }
}
