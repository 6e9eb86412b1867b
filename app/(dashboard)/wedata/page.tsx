export const metadata = { title: "WeData instances" };

export default function WedataPage() {
  return <h1 className="text-lg font-semibold">WeData instances</h1>;
}
