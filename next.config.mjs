/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The emulator and the upstream client use node:http directly; keep them out of the bundle's reach.
  serverExternalPackages: ["tencentcloud-sdk-nodejs-common"],
};

export default nextConfig;
