/** One change of one order has one id, whether a webhook or the poll reports it: the event API keeps the first. */
export function tiktokOrderEventId(options: { tiktokConnectionId: string; tiktokOrderId: string; updateTime: number | null | undefined }): string {
  return `tiktok-order-${options.tiktokConnectionId}-${options.tiktokOrderId}-${options.updateTime ?? "na"}`;
}
