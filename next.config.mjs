/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A separate build folder lets tests and benchmarks build side by side without clobbering `.next`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["tencentcloud-sdk-nodejs-common"],
};

export default nextConfig;
