export const metadata = { title: "MPS tasks" };

export default function MpsPage() {
  return <h1 className="text-lg font-semibold">MPS tasks</h1>;
}
