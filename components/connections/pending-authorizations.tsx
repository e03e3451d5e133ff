"use client";

import { useOrg } from "../shell/org-role-context";
import { Badge } from "../ui/badge";
import { Card, CardBody, CardHeader } from "../ui/card";
import { Dialog } from "../ui/dialog";
import { sellerTypeLabels } from "./connection-status";
import type { PendingAuthorization, ShopifyConnection } from "./connection-types";
import { ShopPickerForm } from "./shop-picker-form";

const pickerTitle = "Choose TikTok shops to connect";
const pickerText = (authorization: PendingAuthorization) =>
  `${authorization.sellerName ? `${authorization.sellerName} authorized Ferry. ` : ""}Pick the shops to connect and the Shopify store each one uses.`;

/** TikTok shops authorized but not chosen yet: writers pick them here, viewers see them waiting. */
export function PendingAuthorizationCard({ authorization, shopifyStores }: { authorization: PendingAuthorization; shopifyStores: ShopifyConnection[] }) {
  const { canWrite } = useOrg();
  return (
    <Card className="border-brand-100">
      <section aria-label={pickerTitle}>
        <CardHeader>
          <h3 className="text-base font-semibold text-slate-900">{pickerTitle}</h3>
          <p className="mt-1 text-sm text-slate-600">
            {canWrite ? pickerText(authorization) : "These shops were authorized and wait for an owner or admin to connect them."}
          </p>
        </CardHeader>
        <CardBody>
          {canWrite ? (
            <ShopPickerForm authorization={authorization} shopifyStores={shopifyStores} />
          ) : (
            <ul className="space-y-2 text-sm">
              {authorization.shops.map((shop) => (
                <li key={shop.shopId} className="flex flex-wrap items-center gap-2">
                  <span className="font-medium text-slate-900">{shop.name}</span>
                  <span className="text-slate-500">{shop.region}</span>
                  <Badge tone="brand">{sellerTypeLabels[shop.sellerType]}</Badge>
                  {shop.connectedConnectionId ? <Badge tone="success">Connected</Badge> : null}
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </section>
    </Card>
  );
}

/** Opens by itself when TikTok sends the merchant back with ?select=<authorization id>. */
export function ShopPickerDialog({
  authorization,
  shopifyStores,
  onClose,
}: {
  authorization: PendingAuthorization | null;
  shopifyStores: ShopifyConnection[];
  onClose: () => void;
}) {
  return (
    <Dialog open={authorization !== null} onOpenChange={(open) => !open && onClose()} title={pickerTitle} description={authorization ? pickerText(authorization) : undefined}>
      {authorization ? <ShopPickerForm authorization={authorization} shopifyStores={shopifyStores} onDone={onClose} /> : null}
    </Dialog>
  );
}
