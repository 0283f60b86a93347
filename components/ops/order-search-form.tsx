/** Find an order by number, customer email or phone (a plain GET form: works without script). */
export function OrderSearchForm({ defaultValue = "" }: { defaultValue?: string }) {
  return (
    <form action="/ops/orders" method="get" role="search" className="flex items-end gap-2">
      <div>
        <label htmlFor="order-search" className="block text-sm font-medium">
          Find an order
        </label>
        <input
          id="order-search"
          name="q"
          type="search"
          defaultValue={defaultValue}
          placeholder="H-100012, email or phone"
          className="mt-1 block min-h-11 w-72 rounded-lg border border-slate-300 bg-white px-3"
        />
      </div>
      <button type="submit" className="min-h-11 rounded-lg bg-brand-600 px-4 font-medium text-white hover:bg-brand-700">
        Search
      </button>
    </form>
  );
}
