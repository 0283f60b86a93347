import type { OrderStatus } from "@/lib/generated/prisma/enums";

const STEPS: { status: OrderStatus; label: string }[] = [
  { status: "PLACED", label: "Placed" },
  { status: "PICKING", label: "Being picked" },
  { status: "READY", label: "Ready for pickup" },
  { status: "PICKED_UP", label: "Picked up" },
];

export function OrderProgress({ status }: { status: OrderStatus }) {
  const reached = STEPS.findIndex((step) => step.status === status);
  if (reached < 0) return null;
  return (
    <ol className="grid grid-cols-4 gap-2 text-center text-xs sm:text-sm">
      {STEPS.map((step, index) => (
        <li key={step.status} aria-current={index === reached ? "step" : undefined}>
          <span className={`block h-2 rounded-full ${index <= reached ? "bg-brand-600" : "bg-slate-200"}`} />
          <span className={`mt-1 block ${index === reached ? "font-semibold text-brand-700" : "text-slate-600"}`}>{step.label}</span>
        </li>
      ))}
    </ol>
  );
}
