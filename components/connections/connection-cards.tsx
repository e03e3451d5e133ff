import { Store, Video } from "lucide-react";
import { Card, CardBody } from "../ui/card";

const platforms = [
  {
    icon: Store,
    title: "Connect your Shopify store",
    text: "Shopify is the source of truth for products, stock and fulfillment. You will enter your shop domain (name.myshopify.com) and approve Ferry on Shopify's install page.",
  },
  {
    icon: Video,
    title: "Connect your TikTok Shop",
    text: "Authorize Ferry on TikTok Shop's seller page, then choose which shops (local or cross-border) to connect and which Shopify store each one uses.",
  },
];

export function ConnectionCards() {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {platforms.map((p) => (
        <Card key={p.title}>
          <CardBody className="flex gap-4">
            <div className="h-fit rounded-md bg-brand-50 p-2 text-brand-600">
              <p.icon className="size-5" aria-hidden />
            </div>
            <div>
              <h2 className="font-semibold text-slate-900">{p.title}</h2>
              <p className="mt-1 text-sm text-slate-600">{p.text}</p>
              <p className="mt-3 text-xs font-medium text-slate-500">Not connected. Store connections are being built and are not available in this version yet.</p>
            </div>
          </CardBody>
        </Card>
      ))}
    </div>
  );
}
