export const metadata = { title: "Wall screen" };

export default function WallPage() {
  return <h1 className="p-8 text-4xl font-semibold">Wall screen</h1>;
}
