"use client";

import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useOrg } from "../shell/org-role-context";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "../ui/card";
import { ErrorState } from "../ui/error-state";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { Spinner } from "../ui/spinner";
import { useCarrierSettings, useSaveCarrierSettings, type CarrierSettings } from "./use-carrier-settings";
import { useSettings } from "./use-settings";

/** "Carriers": per TikTok shop, which TikTok shipping provider each Shopify carrier ships as. */
export function CarriersPanel() {
  const { slug } = useOrg();
  const settings = useSettings(slug);
  const [chosen, setChosen] = useState<string | null>(null);
  if (settings.isPending) return null;
  if (settings.isError) return null;
  const shops = settings.data.shops;
  const shopId = chosen ?? shops[0]?.tiktokConnectionId ?? null;
  return (
    <section aria-labelledby="carriers-title" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="carriers-title" className="text-lg font-semibold text-slate-900">
            Carriers
          </h2>
          <p className="text-sm text-slate-600">
            When an order is fulfilled in Shopify, its carrier goes to TikTok as one of TikTok&apos;s shipping providers. Carriers with the same name match by themselves; map the others here.
          </p>
        </div>
        {shops.length > 1 ? (
          <label className="text-sm text-slate-700">
            <span className="mr-2">Carriers for</span>
            <Select aria-label="Carriers for" value={shopId ?? ""} onChange={(e) => setChosen(e.target.value)}>
              {shops.map((s) => (
                <option key={s.tiktokConnectionId} value={s.tiktokConnectionId}>
                  {s.name}
                </option>
              ))}
            </Select>
          </label>
        ) : null}
      </div>
      {shopId ? <CarriersCard key={shopId} tiktokConnectionId={shopId} /> : <p className="text-sm text-slate-600">Connect a TikTok shop to map its carriers.</p>}
    </section>
  );
}

function CarriersCard({ tiktokConnectionId }: { tiktokConnectionId: string }) {
  const { slug } = useOrg();
  const carriers = useCarrierSettings(slug, tiktokConnectionId);
  if (carriers.isPending) return <Spinner label="Loading carriers" />;
  if (carriers.isError) return <ErrorState message={carriers.error.message} onRetry={() => carriers.refetch()} />;
  return <CarriersForm key={JSON.stringify([carriers.data.mappings, carriers.data.fallback])} tiktokConnectionId={tiktokConnectionId} data={carriers.data} />;
}

interface Row {
  key: number;
  company: string;
  providerId: string;
}

function CarriersForm({ tiktokConnectionId, data }: { tiktokConnectionId: string; data: CarrierSettings }) {
  const { slug, canWrite } = useOrg();
  const save = useSaveCarrierSettings(slug, tiktokConnectionId);
  const [rows, setRows] = useState<Row[]>(data.mappings.map((m, i) => ({ key: i, company: m.company, providerId: m.providerId })));
  const [fallback, setFallback] = useState(data.fallback?.providerId ?? "");
  const [next, setNext] = useState(data.mappings.length);
  const providers = data.providers;
  const disabled = !canWrite || save.isPending || providers.length === 0;
  // A saved provider TikTok no longer lists stays selectable, named as saved.
  const options = [...providers, ...data.mappings.filter((m) => !providers.some((p) => p.id === m.providerId)).map((m) => ({ id: m.providerId, name: `${m.providerName} (no longer offered)` }))];

  function update(key: number, patch: Partial<Row>) {
    setRows((current) => current.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(
      { mappings: rows.map((r) => ({ company: r.company, providerId: r.providerId })), fallbackProviderId: fallback || null },
      { onSuccess: () => toast.success("Carriers saved."), onError: (error) => toast.error(error.message) },
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>{data.shop.name}</CardTitle>
        <p className="mt-1 text-sm text-slate-600">
          TikTok offers: {providers.length > 0 ? providers.map((p) => p.name).join(", ") : "—"}
        </p>
        {data.providersError ? (
          <p role="alert" className="mt-1 text-sm text-amber-700">
            {data.providersError}
          </p>
        ) : null}
      </CardHeader>
      <CardBody>
        <form onSubmit={submit} className="space-y-4" aria-label={`Carriers for ${data.shop.name}`}>
          {rows.length > 0 ? (
            <table className="w-full text-sm">
              <thead>
                <tr className="text-left text-slate-600">
                  <th className="pb-2 font-medium">Shopify carrier</th>
                  <th className="pb-2 font-medium">TikTok shipping provider</th>
                  <th className="pb-2" />
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr key={row.key}>
                    <td className="py-1 pr-3">
                      <Input aria-label={`Shopify carrier ${index + 1}`} value={row.company} maxLength={100} disabled={disabled} onChange={(e) => update(row.key, { company: e.target.value })} placeholder="As written in Shopify, e.g. My Parcels" />
                    </td>
                    <td className="py-1 pr-3">
                      <Select aria-label={`TikTok shipping provider ${index + 1}`} value={row.providerId} disabled={disabled} onChange={(e) => update(row.key, { providerId: e.target.value })}>
                        <option value="">Choose…</option>
                        {options.map((p) => (
                          <option key={p.id} value={p.id}>
                            {p.name}
                          </option>
                        ))}
                      </Select>
                    </td>
                    <td className="py-1 text-right">
                      {disabled ? null : (
                        <Button variant="ghost" size="sm" onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}>
                          Remove
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="text-sm text-slate-600">No carriers mapped: Shopify carriers go to the TikTok provider of the same name.</p>
          )}
          {disabled ? null : (
            <Button
              variant="secondary"
              size="sm"
              onClick={() => {
                setRows((current) => [...current, { key: next, company: "", providerId: "" }]);
                setNext(next + 1);
              }}
            >
              Add carrier
            </Button>
          )}
          <label className="block text-sm text-slate-700">
            <span className="mb-1 block font-medium">Fallback provider</span>
            <Select aria-label="Fallback provider" value={fallback} disabled={disabled} onChange={(e) => setFallback(e.target.value)}>
              <option value="">None: the order waits under Needs attention</option>
              {options.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
            <span className="mt-1 block text-xs text-slate-500">For a carrier that is neither mapped here nor one of TikTok&apos;s by name.</span>
          </label>
          {canWrite ? (
            <Button type="submit" disabled={disabled}>
              {save.isPending ? "Saving…" : "Save carriers"}
            </Button>
          ) : null}
        </form>
      </CardBody>
    </Card>
  );
}
