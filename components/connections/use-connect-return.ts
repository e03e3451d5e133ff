"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { useOrg } from "../shell/org-role-context";
import { connectedMessages, hasConnectReturn, type ConnectReturn } from "./connect-return";

/** Acts once on what an OAuth callback put in the URL, then removes it so a reload does not repeat it. */
export function useConnectReturn(initial: ConnectReturn) {
  const { slug } = useOrg();
  const router = useRouter();
  const [pickerFor, setPickerFor] = useState(initial.select);
  const [error, setError] = useState(initial.error);
  const handled = useRef(false);

  useEffect(() => {
    if (handled.current || !hasConnectReturn(initial)) return;
    handled.current = true;
    if (initial.connected) toast.success(connectedMessages[initial.connected]);
    router.replace(`/${slug}/connections`, { scroll: false });
  }, [initial, router, slug]);

  return { pickerFor, closePicker: () => setPickerFor(null), error, dismissError: () => setError(null) };
}
