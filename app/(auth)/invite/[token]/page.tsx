import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationButton } from "@/components/team/accept-invitation-button";
import { buttonVariants } from "@/components/ui/button";
import { roleLabels } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getInvitation } from "@/lib/team/accept-invitation";

export const metadata: Metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

const closed: Record<string, string> = {
  accepted: "This invitation has already been used.",
  revoked: "This invitation was withdrawn. Ask for a new one.",
  expired: "This invitation has expired. Ask for a new one.",
};

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let invitation: Awaited<ReturnType<typeof getInvitation>>;
  try {
    invitation = await getInvitation({ token });
  } catch (error) {
    if (isAppError(error)) return <Message title="Invitation not found" text={error.message} />;
    throw error;
  }
  if (invitation.status !== "pending") return <Message title="Invitation closed" text={closed[invitation.status]!} />;

  const user = await getSessionUser();
  const intro = (
    <>
      <h1 className="text-lg font-semibold">Join {invitation.organizationName}</h1>
      <p className="mt-1 text-sm text-slate-600">
        You are invited as <strong>{roleLabels[invitation.role]}</strong> ({invitation.email}).
      </p>
    </>
  );
  if (!user) {
    return (
      <div>
        {intro}
        <div className="mt-6 space-y-2">
          <Link href={`/sign-up?invite=${token}&email=${encodeURIComponent(invitation.email)}`} className={buttonVariants({ className: "w-full" })}>
            Create account
          </Link>
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`} className={buttonVariants({ variant: "secondary", className: "w-full" })}>
            Sign in
          </Link>
        </div>
      </div>
    );
  }
  if (user.email !== invitation.email) {
    return (
      <div>
        {intro}
        <p role="alert" className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
          You are signed in as {user.email}. Sign out and sign in as {invitation.email} to accept.
        </p>
      </div>
    );
  }
  return (
    <div>
      {intro}
      <AcceptInvitationButton token={token} />
    </div>
  );
}

function Message({ title, text }: { title: string; text: string }) {
  return (
    <div>
      <h1 className="text-lg font-semibold">{title}</h1>
      <p className="mt-2 text-sm text-slate-600">{text}</p>
      <Link href="/" className={buttonVariants({ variant: "secondary", className: "mt-6 w-full" })}>
        Go to Ferry
      </Link>
    </div>
  );
}
