// The Admin GraphQL client for one shop. Every call goes through the one private request(): pinned
// API version, access token header, timeout, the shared cost budget, THROTTLED retries, one token
// refresh on 401, error classification, and zod-parsed data.
import { SHOPIFY_API_VERSION, shopAdminUrl } from "./config";
import { InMemoryCostBudget, type CostBudget } from "./cost-budget";
import { errorFromGraphqlAnswer, errorFromNetwork, errorFromUserErrors, ShopifyApiError } from "./errors";
import { bulkOperationById, bulkOperationRunQuery, type BulkOperation } from "./operations/bulk-operations";
import type { OperationData, ShopifyOperation } from "./operations/define-operation";
import { catalogSizePage, productsPage, productVariantsPage, productWithVariantsQuery } from "./operations/products";
import { fulfilledOrdersPage } from "./operations/fulfilled-orders";
import { fulfillmentOrderHold, fulfillmentOrderReleaseHold, orderFulfillmentHolds, type FulfillmentHoldReason } from "./operations/fulfillment-holds";
import { orderFulfillmentQuery } from "./operations/order-fulfillment";
import { productSyncSource, productSyncVariants } from "./operations/product-sync-source";
import { shopDetails } from "./operations/shop";
import { webhookSubscriptionCreate, webhookSubscriptionDelete, webhookSubscriptions } from "./operations/webhook-subscriptions";
import { graphqlEnvelopeSchema, type ThrottleStatus } from "./schemas";
import { isCanonicalShopDomain } from "./shop-domain";
import { SHOPIFY_SUBSCRIPTION_TOPICS, subscriptionTopicFromEnum, type ShopifySubscriptionTopic } from "./topics";

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_THROTTLE_RETRIES = 5;
/** Only when a THROTTLED answer carries no throttleStatus to compute the wait from. */
const FALLBACK_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 30_000;

/** One process-wide budget for callers that do not pass their own (tests, the demo). */
const processBudget = new InMemoryCostBudget();

export interface ShopifyAdminClientOptions {
  /** `https://{shop}` for Shopify, the sandbox's `http://127.0.0.1:4010/shopify/{shop}` locally. */
  adminBaseUrl: string;
  /** Canonical `name.myshopify.com`. */
  shop: string;
  accessToken: string;
  budget?: CostBudget;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  timeoutMs?: number;
  maxThrottleRetries?: number;
  /**
   * Called once on a 401: refresh the token (under the connection's lock) and resolve to the new
   * access token; the call is then retried once with it. A second 401 means the grant is gone.
   */
  onAuthExpired?: () => Promise<string>;
}

export interface WebhookSubscription {
  id: string;
  /** null for a topic Ferry does not subscribe to (made by an older version, say). */
  topic: ShopifySubscriptionTopic | null;
  graphqlTopic: string;
  uri: string;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class ShopifyAdminClient {
  readonly shop: string;
  private accessToken: string;
  private readonly endpoint: string;
  private readonly budget: CostBudget;
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly timeoutMs: number;
  private readonly maxThrottleRetries: number;
  private readonly onAuthExpired?: () => Promise<string>;

  constructor(options: ShopifyAdminClientOptions) {
    if (!isCanonicalShopDomain(options.shop)) throw new Error(`Not a canonical shop domain: ${JSON.stringify(options.shop)}`);
    this.shop = options.shop;
    this.accessToken = options.accessToken;
    this.endpoint = `${shopAdminUrl({ adminBaseUrl: options.adminBaseUrl, shop: options.shop })}/admin/api/${SHOPIFY_API_VERSION}/graphql.json`;
    this.budget = options.budget ?? processBudget;
    this.fetch = options.fetch ?? globalThis.fetch;
    this.sleep = options.sleep ?? delay;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxThrottleRetries = options.maxThrottleRetries ?? DEFAULT_MAX_THROTTLE_RETRIES;
    this.onAuthExpired = options.onAuthExpired;
  }

  /** The shop's details, and how many variants its catalog holds (up to 10,000). */
  async getShop() {
    const data = await this.request(shopDetails);
    return { ...data.shop, variantsCount: data.productVariantsCount?.count ?? null };
  }

  async createWebhookSubscription(options: { topic: ShopifySubscriptionTopic; uri: string }): Promise<WebhookSubscription> {
    const graphqlTopic = SHOPIFY_SUBSCRIPTION_TOPICS[options.topic];
    const data = await this.request(webhookSubscriptionCreate, { topic: graphqlTopic, uri: options.uri });
    const payload = data.webhookSubscriptionCreate;
    const refused = errorFromUserErrors({ operation: `the ${options.topic} webhook subscription`, userErrors: payload.userErrors });
    if (refused) throw refused;
    if (!payload.webhookSubscription) throw new ShopifyApiError({ kind: "unexpected", message: "Shopify created no webhook subscription and gave no reason" });
    return toSubscription(payload.webhookSubscription);
  }

  /** Every subscription this app holds on the shop (all pages). */
  async listWebhookSubscriptions(): Promise<WebhookSubscription[]> {
    const all: WebhookSubscription[] = [];
    let after: string | null = null;
    do {
      const page: OperationData<typeof webhookSubscriptions> = await this.request(webhookSubscriptions, { after });
      all.push(...page.webhookSubscriptions.nodes.map(toSubscription));
      after = page.webhookSubscriptions.pageInfo.hasNextPage ? page.webhookSubscriptions.pageInfo.endCursor : null;
    } while (after);
    return all;
  }

  /** Resolves to the deleted subscription's id. */
  async deleteWebhookSubscription(id: string): Promise<string> {
    const payload = (await this.request(webhookSubscriptionDelete, { id })).webhookSubscriptionDelete;
    const refused = errorFromUserErrors({ operation: "deleting the webhook subscription", userErrors: payload.userErrors });
    if (refused) throw refused;
    if (!payload.deletedWebhookSubscriptionId) throw new ShopifyApiError({ kind: "unexpected", message: "Shopify deleted no webhook subscription and gave no reason" });
    return payload.deletedWebhookSubscriptionId;
  }

  /** One page of the strategy probe: variant counts of up to 250 products matching `query`. */
  async catalogSizePage(options: { query: string | null; after: string | null }) {
    return (await this.request(catalogSizePage, options)).products;
  }

  /** One page of products matching `query`, each with its first variants. */
  async productsPage(options: { query: string | null; after: string | null }) {
    return (await this.request(productsPage, options)).products;
  }

  /** One product with its first variants; null when it does not exist (any more). */
  async productWithVariants(id: string) {
    return (await this.request(productWithVariantsQuery, { id })).product;
  }

  /** The variants of one product after `after`; null when the product does not exist (any more). */
  async productVariantsPage(options: { productId: string; after: string | null }) {
    return (await this.request(productVariantsPage, { id: options.productId, after: options.after })).product;
  }

  /** Product sync's read of one product: content, prices and stock per location (null when it is gone). */
  async productSyncSource(id: string) {
    return this.request(productSyncSource, { id });
  }

  /** More variants of a product read by `productSyncSource`. */
  async productSyncVariants(options: { productId: string; after: string }) {
    return (await this.request(productSyncVariants, { id: options.productId, after: options.after })).product;
  }

  /** A fulfillment and the order it belongs to (fulfillment sync); either is null when it does not exist. */
  async orderFulfillment(options: { orderId: string; fulfillmentId: string }) {
    return this.request(orderFulfillmentQuery, options);
  }

  /** The order's fulfillment orders with their holds; null when the order does not exist. */
  async orderFulfillmentHolds(orderId: string) {
    return (await this.request(orderFulfillmentHolds, { id: orderId })).order;
  }

  /** Places a fulfillment hold (never notifying the merchant); Shopify's userErrors come back for the caller to judge. */
  async holdFulfillmentOrder(options: { fulfillmentOrderId: string; reason: FulfillmentHoldReason; reasonNotes: string; handle: string }) {
    const { fulfillmentOrderId, ...hold } = options;
    return (await this.request(fulfillmentOrderHold, { id: fulfillmentOrderId, fulfillmentHold: { ...hold, notifyMerchant: false } })).fulfillmentOrderHold;
  }

  /** Releases the named holds only (never every hold: another app's stay); userErrors come back for the caller to judge. */
  async releaseFulfillmentHolds(options: { fulfillmentOrderId: string; holdIds: string[] }) {
    if (options.holdIds.length === 0) throw new Error("releaseFulfillmentHolds needs the ids of the holds to release");
    return (await this.request(fulfillmentOrderReleaseHold, { id: options.fulfillmentOrderId, holdIds: options.holdIds })).fulfillmentOrderReleaseHold;
  }

  /** A page of orders matching `query` (newest update last), with their fulfillments' tracking (the fulfillment backstop). */
  async fulfilledOrdersPage(options: { query: string; after: string | null }) {
    return (await this.request(fulfilledOrdersPage, options)).orders;
  }

  /** Starts a bulk query; resolves to the operation as created (poll it with `bulkOperation`). */
  async runBulkQuery(options: { query: string; groupObjects: boolean }): Promise<BulkOperation> {
    const payload = (await this.request(bulkOperationRunQuery, options)).bulkOperationRunQuery;
    const refused = errorFromUserErrors({ operation: "the bulk query", userErrors: payload.userErrors });
    if (refused) throw refused;
    if (!payload.bulkOperation) throw new ShopifyApiError({ kind: "unexpected", message: "Shopify started no bulk operation and gave no reason" });
    return payload.bulkOperation;
  }

  async bulkOperation(id: string): Promise<BulkOperation | null> {
    return (await this.request(bulkOperationById, { id })).bulkOperation;
  }

  /** Any operation declared with defineOperation(); userErrors come back in the data for the caller to judge. */
  async run<T>(operation: ShopifyOperation<T>, variables: Record<string, unknown> = {}): Promise<T> {
    return this.request(operation, variables);
  }

  private async request<T>(operation: ShopifyOperation<T>, variables: Record<string, unknown> = {}): Promise<T> {
    let throttledRetries = 0;
    let refreshed = false;
    for (;;) {
      const wait = await this.budget.before(this.shop, operation.estimatedCost);
      if (wait > 0) await this.sleep(wait);
      const answer = await this.post(operation, variables);
      const envelope = graphqlEnvelopeSchema.safeParse(answer.body);
      const cost = envelope.success ? envelope.data.extensions?.cost : undefined;
      if (cost?.throttleStatus) {
        const unused = operation.estimatedCost - (cost.actualQueryCost ?? 0);
        await this.budget.after(this.shop, cost.throttleStatus, { unused });
      }

      const error = errorFromGraphqlAnswer({ ...answer, operation: operation.name });
      if (!error) {
        const parsed = operation.data.safeParse(envelope.success ? envelope.data.data : undefined);
        if (parsed.success) return parsed.data;
        throw new ShopifyApiError({ kind: "unexpected", message: `Shopify ${operation.name} answered data outside its schema: ${parsed.error.message}`, cause: parsed.error });
      }
      if (error.kind === "throttled" && throttledRetries < this.maxThrottleRetries) {
        throttledRetries += 1;
        await this.sleep(throttleWaitMs({ status: cost?.throttleStatus, requested: cost?.requestedQueryCost ?? operation.estimatedCost, retryAfterMs: error.retryAfterMs, attempt: throttledRetries }));
        continue;
      }
      if (error.kind === "authExpired" && this.onAuthExpired) {
        if (refreshed) {
          throw new ShopifyApiError({ kind: "needsReauthorization", status: error.status, message: `Shopify refused a freshly refreshed token for ${this.shop}: the app was uninstalled or its access revoked`, cause: error });
        }
        refreshed = true;
        this.accessToken = await this.onAuthExpired();
        continue;
      }
      throw error;
    }
  }

  private async post(operation: ShopifyOperation<unknown>, variables: Record<string, unknown>) {
    const what = `Shopify ${operation.name} on ${this.shop}`;
    try {
      const res = await this.fetch(this.endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", "x-shopify-access-token": this.accessToken },
        body: JSON.stringify({ query: operation.document, operationName: operation.name, variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
        // Never follow: a redirect would carry the access token (or client secret) to another host.
        redirect: "manual",
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text === "" ? null : JSON.parse(text);
      } catch {
        // not JSON (an HTML error page, say): classified by status
      }
      return { status: res.status, body, retryAfter: res.headers.get("retry-after") };
    } catch (cause) {
      throw errorFromNetwork({ cause, what });
    }
  }
}

/** How long to wait after THROTTLED: until the bucket holds the requested cost again. */
export function throttleWaitMs(options: { status?: ThrottleStatus; requested: number; retryAfterMs?: number; attempt: number }): number {
  const { status } = options;
  if (status && status.restoreRate > 0) {
    return Math.max(0, Math.ceil(((options.requested - status.currentlyAvailable) / status.restoreRate) * 1000));
  }
  if (options.retryAfterMs !== undefined) return options.retryAfterMs;
  return Math.min(MAX_BACKOFF_MS, FALLBACK_BACKOFF_MS * 2 ** (options.attempt - 1));
}

function toSubscription(node: { id: string; topic: string; uri: string }): WebhookSubscription {
  return { id: node.id, topic: subscriptionTopicFromEnum(node.topic), graphqlTopic: node.topic, uri: node.uri };
}
