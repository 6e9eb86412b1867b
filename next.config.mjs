/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A separate build folder lets tests and benchmarks build side by side without clobbering `.next`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["tencentcloud-sdk-nodejs-common"],
  // Static assets bypass proxy.ts (which sets CSP and the rest per request); these two apply to everything.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "no-referrer" },
        ],
      },
    ];
  },
};

export default nextConfig;
