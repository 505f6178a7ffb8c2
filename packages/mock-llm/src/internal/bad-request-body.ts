/** Thrown while reading a request body the real API would reject with 400. */
export class BadRequestBody extends Error {
  readonly param: string | null
  constructor(message: string, param: string | null = null) {
    super(message)
    this.param = param
  }
}
