import { formatMinutesOfDay } from "@/lib/platform/format/store-time";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export function StoreHoursList({ hours }: { hours: { weekday: number; opensAtMin: number; closesAtMin: number }[] }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5 text-sm">
      {WEEKDAYS.map((name, index) => {
        const day = hours.find((h) => h.weekday === index + 1);
        return (
          <div key={name} className="contents">
            <dt className="text-slate-600">{name}</dt>
            <dd>{day ? `${formatMinutesOfDay(day.opensAtMin)} – ${formatMinutesOfDay(day.closesAtMin)}` : "Closed"}</dd>
          </div>
        );
      })}
    </dl>
  );
}
