import { Middleware } from "inngest";
import { JobFailure, jobFailureCode } from "@/lib/activity/job-failure-reason";

/**
 * Hands platform errors over as a JobFailure carrying their kind. A failure reaches onFailure
 * rebuilt from JSON with only its name and message, so the kind (re-authorize, rate limit, …) has
 * to travel in them; the original error stays attached as the cause for whoever debugs the run.
 * Retries are unchanged: the SDK retries a JobFailure exactly like the error it replaces.
 */
export class ClassifyStepErrors extends Middleware.BaseMiddleware {
  readonly id = "ferry-classify-step-errors";

  async wrapStepHandler({ next }: Middleware.WrapStepHandlerArgs): Promise<unknown> {
    try {
      return await next();
    } catch (error) {
      const code = jobFailureCode(error);
      throw code ? new JobFailure({ code, cause: error }) : error;
    }
  }
}
