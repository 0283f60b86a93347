"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { checkInAction } from "@/app/(shop)/orders/[token]/actions";
import { Field } from "../ui/field";

type Props = {
  token: string;
  curbside: boolean;
  checkedIn: { parkingBay: string | null; carDescription: string | null } | null;
  onDone: () => void;
};

/**
 * "I'm here": the store's tablet shows the arrival at once. Curbside shoppers say where
 * they parked and which car; in-store shoppers only say they are at the counter.
 */
export function CheckInForm({ token, curbside, checkedIn, onDone }: Props) {
  const [parkingBay, setParkingBay] = useState(checkedIn?.parkingBay ?? "");
  const [carDescription, setCarDescription] = useState(checkedIn?.carDescription ?? "");
  const checkIn = useMutation({
    mutationFn: () => checkInAction(token, curbside ? { parkingBay, carDescription } : { parkingBay: "", carDescription: "" }),
    onSettled: onDone,
  });
  const error = checkIn.data && !checkIn.data.ok ? checkIn.data.message : null;
  const heading = checkedIn
    ? curbside
      ? "The store knows you're here"
      : "You're checked in — waiting at the counter"
    : curbside
      ? "Arrived? Tell us where you parked"
      : "At the store? Let us know";

  return (
    <section id="check-in" aria-labelledby="check-in-heading" className="scroll-mt-4 rounded-xl border-2 border-brand-600 bg-white p-5">
      <h2 id="check-in-heading" className="text-lg font-semibold">
        {heading}
      </h2>
      {checkedIn ? (
        <p className="mt-1 text-sm text-slate-700">
          {curbside ? `An associate is bringing your order${checkedIn.parkingBay ? ` to bay ${checkedIn.parkingBay}` : ""}. You can update the details below.` : "An associate is bringing your order to the pickup counter. Have your pickup code ready."}
        </p>
      ) : !curbside ? (
        <p className="mt-1 text-sm text-slate-700">Come to the pickup counter and tap I&apos;m here: we&apos;ll bring your order out.</p>
      ) : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          checkIn.mutate();
        }}
        className={curbside ? "mt-3 grid gap-3 sm:grid-cols-[10rem_1fr_auto] sm:items-end" : "mt-3"}
      >
        {curbside ? (
          <>
            <Field label="Parking bay" value={parkingBay} onChange={(event) => setParkingBay(event.target.value)} maxLength={20} autoComplete="off" />
            <Field label="Car description (optional)" hint="Color and model, e.g. red Honda Civic" value={carDescription} onChange={(event) => setCarDescription(event.target.value)} maxLength={100} autoComplete="off" />
          </>
        ) : null}
        {!checkedIn || curbside ? (
          <button type="submit" disabled={checkIn.isPending} className="min-h-11 rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
            {checkIn.isPending ? "Sending…" : "I'm here"}
          </button>
        ) : null}
      </form>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : checkIn.data?.ok ? (
        <p role="status" className="mt-2 text-sm text-emerald-700">
          Thanks — the store has been told you&apos;re here.
        </p>
      ) : null}
    </section>
  );
}
